using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Cli.Input;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Facts;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Cli.Tests;

/// <summary>
/// Rules the engine rejects after the loader accepted them: located diagnostics and exit 1, never an internal error.
/// The loader checks every engine limit a rule file can reach, so the rejection itself is reached through
/// <see cref="RuleSource.Compile"/> and <see cref="RuleSource.Validate"/>, the steps the commands go through.
/// </summary>
public sealed class RuleSourceTest
{
    [Test]
    public void Compile_RuleTheEngineRejects_ExitsOneAndPrintsTheLocatedDiagnostic()
    {
        var rules = Haunted(Load("rules/checkup.yaml"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, ErrorIsTerminal: false, new NodaTime.Testing.FakeClock(CliHarness.Now));

        var exitCode = CliApplication.Execute(console, () =>
        {
            RuleSource.Compile(rules, null, "rules", console);
            return ExitCodes.Success;
        });

        exitCode.Should().Be(ExitCodes.Failed, error.ToString());
        var lines = error.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("rules/checkup.yaml:3:5: error ER0050: The rule engine rejected this rule: ")
            .And.Contain("'ghost'").And.EndWith("[rule owned-vehicle-checkup]");
        lines[1].Should().StartWith("error: The rule engine rejected the rules");
        output.ToString().Should().BeEmpty();
    }

    [Test]
    public void Compile_ValidRules_ReturnsTheSet()
    {
        using var console = new StringWriter();
        var cli = new CliConsole(console, console, ErrorIsTerminal: false, new NodaTime.Testing.FakeClock(CliHarness.Now));

        var compiled = RuleSource.Compile(Load("rules/checkup.yaml"), null, "rules", cli);

        compiled.Rules.Select(r => r.Id).Should().Equal("owned-vehicle-checkup", "huge-household");
        console.ToString().Should().BeEmpty();
    }

    [Test]
    public void Validate_RulesThatLoadButTheEngineRejects_AddsER0050AtTheRule()
    {
        var warning = new RuleDiagnostic("ER0007", DiagnosticSeverity.Warning, new SourceLocation("rules/empty.yaml", 1, 1), "The file is empty.");

        var diagnostics = RuleSource.Validate(Haunted(Load("rules/checkup.yaml")), [warning], "rules");

        diagnostics.Select(d => $"{d.Code} {d.Location} {d.RuleId}").Should().Equal(
            "ER0007 rules/empty.yaml:1:1 ",
            "ER0050 rules/checkup.yaml:3:5 owned-vehicle-checkup");
    }

    [Test]
    public void Validate_RulesThatCompile_KeepsTheLoadDiagnostics()
    {
        RuleSource.Validate(Load("rules/checkup.yaml"), [], "rules").Should().BeEmpty();
    }

    private static IReadOnlyList<RuleDefinition> Load(string name)
    {
        var result = new RuleFileLoader().LoadFromText(name, RuleTexts.Checkup);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        return result.Rules;
    }

    /// <summary>The rules, the first with one more pattern whose condition uses a declaration nothing binds.</summary>
    private static IReadOnlyList<RuleDefinition> Haunted(IReadOnlyList<RuleDefinition> rules)
    {
        var rule = rules[0];
        var own = new Declaration("haunt", typeof(Vehicle));
        var ghost = Expression.Parameter(typeof(bool), "ghost");
        var condition = new ConditionElement(
            Expression.Lambda(ghost, ghost, Expression.Parameter(typeof(Vehicle), "haunt")),
            [new Declaration("ghost", typeof(bool)), own]);
        var elements = new List<RuleElement>(rule.LeftHandSide.Elements) { new PatternElement(own, [condition]) };
        return [new RuleDefinition(rule.Id, new AndElement(elements), rule.Actions, properties: rule.Properties), .. rules.Skip(1)];
    }
}
