using System.Linq;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Yaml;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Rules.DependencyInjection.Tests;

/// <summary>The registered evaluator's results name the rule set that decided them, through hot reloads.</summary>
public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void Evaluate_RulesFromAFolder_ResultCarriesTheFoldersFingerprint()
    {
        using var folder = new TempFolder();
        folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();

        var result = evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000)));

        // The fingerprint is over the files, whatever fact types the loader knows: the CLI's load of the folder gives the same.
        var expected = new RuleFileLoader().Load([folder.Path]).Fingerprint;
        result.RuleSetFingerprint.Should().Be(expected);
        rules.Current.Fingerprint.Should().Be(expected);
    }

    [Test]
    public void TryReload_ValidChange_ResultsCarryTheNewFingerprint()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var facts = Given.For("C1", new TradeInAppraisal("C1", 900_000));
        var before = evaluator.Evaluate(facts);

        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.after"));
        rules.TryReload(out _).Should().BeTrue();
        var after = evaluator.Evaluate(facts);

        after.Decisions.Single().Topic.Should().Be("sales.after");
        after.RuleSetFingerprint.Should().NotBe(before.RuleSetFingerprint).And.Be(new RuleFileLoader().Load([folder.Path]).Fingerprint);
    }

    [Test]
    public void Evaluate_SeveralSources_ResultCarriesTheirFingerprintTogether()
    {
        using var folder = new TempFolder();
        folder.Write("trade-in.yaml", Given.TradeInRule());
        const string Text = "apiVersion: engagement-rules/v1\nrules: []\n";
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.AddRuleText("extra.yaml", Text);
        });

        var result = provider.GetRequiredService<IEngagementEvaluator>().Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000)));

        var loader = new RuleFileLoader();
        var files = loader.Load([folder.Path]);
        result.RuleSetFingerprint.Should().Be(RuleLoadResult.FingerprintOf([files, loader.LoadFromText("extra.yaml", Text)]))
            .And.NotBe(files.Fingerprint, "the text is a rule source too");
    }
}
