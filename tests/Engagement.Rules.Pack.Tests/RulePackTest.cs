using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Pack.Tests;

/// <summary>The default rule pack: it loads cleanly, and every case of every rules/**/*.tests.yaml passes (one NUnit case each).</summary>
public sealed partial class RulePackTest
{
    private static readonly RuleTestRunner Runner = new();

    public static IEnumerable<TestCaseData> Cases() =>
        RuleTestRunner.Discover([PackFiles.RulesFolder]).Select(c => new TestCaseData(c).SetName(c.ToString()));

    [TestCaseSource(nameof(Cases))]
    public void Case_Passes(RuleTestCase testCase)
    {
        var result = Runner.Run(testCase);

        result.Passed.Should().BeTrue(result.Message);
    }

    [Test]
    public void Load_WholePack_HasNoDiagnostics()
    {
        var result = new RuleFileLoader().Load([PackFiles.RulesFolder]);

        result.Diagnostics.Should().BeEmpty(result.FormatDiagnostics());
        result.Success.Should().BeTrue();
        result.Rules.Should().NotBeEmpty();
    }

    [Test]
    public void Pack_EveryRule_HasADescriptionAndAPositiveTest()
    {
        var rules = new RuleFileLoader().Load([PackFiles.RulesFolder]).Rules;
        var tests = string.Join("\n", Directory.EnumerateFiles(PackFiles.RulesFolder, "*.tests.yaml", SearchOption.AllDirectories).Select(File.ReadAllText));

        rules.Should().NotBeEmpty();
        foreach (var rule in rules)
        {
            rule.Description.Should().NotBeNullOrWhiteSpace($"rule {rule.Id} needs a description a marketing manager understands");
            if (rule.Tags.Contains("signal"))
            {
                // A signal-only rule proposes nothing itself; the rules that use its signal are tested instead.
                continue;
            }

            tests.Should().MatchRegex($"rule: {Regex.Escape(rule.Id)}[ ,}}]", $"rule {rule.Id} needs a case that expects it to fire (an expect item naming 'rule: {rule.Id}')");
        }
    }

    [Test]
    public void Pack_EveryRuleFile_HasATestFile()
    {
        var ruleFiles = Directory.EnumerateFiles(PackFiles.RulesFolder, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tests.yaml", System.StringComparison.Ordinal))
            .ToList();

        ruleFiles.Should().NotBeEmpty();
        foreach (var file in ruleFiles)
        {
            File.Exists(Path.ChangeExtension(file, ".tests.yaml")).Should().BeTrue($"{file} needs tests beside it");
        }
    }
}
