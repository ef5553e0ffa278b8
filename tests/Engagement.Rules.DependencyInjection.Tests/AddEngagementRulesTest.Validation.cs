using System.Collections.Generic;
using System.IO;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Engine;
using Engagement.Rules.Policies;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void AddEngagementRules_NoRuleSource_ReportsIt()
    {
        var act = () => new ServiceCollection().AddEngagementRules(_ => { });

        act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors.Should().ContainSingle().Which.Should().Contain("No rules");
    }

    [Test]
    public void AddEngagementRules_ManyProblems_ReportsEveryOneAtOnce()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-rules-folder-" + System.Guid.NewGuid().ToString("N"));
        var act = () => new ServiceCollection().AddEngagementRules(o =>
        {
            o.RulePaths.Add(missing);
            o.RulePaths.Add(" ");
            o.AddRuleText("same.yaml", Given.TradeInRule());
            o.AddRuleText("same.yaml", Given.TradeInRule());
            o.AddFactType<TradeInAppraisal>("Customer");
            o.AddEmbeddedRules(typeof(AddEngagementRulesTest).Assembly, "Nothing.Here.");
            o.ReloadDelay = Duration.FromMinutes(-1);
            o.Policy = PolicyOptions.Default with { StopConditions = PolicyOptions.Default.StopConditions with { EmailSunsetAfterUnengaged = 0 } };
            o.Session = new SessionOptions { MaxFiringsPerFire = 0 };
        });

        var errors = act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors;
        errors.Should().HaveCount(8);
        errors.Should().Contain(e => e.StartsWith("Session: MaxFiringsPerFire must be positive", System.StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains(missing) && e.Contains("RulePaths[0]"));
        errors.Should().Contain(e => e.Contains("RulePaths[1] is empty"));
        errors.Should().Contain(e => e.Contains("'same.yaml' is used 2 times"));
        errors.Should().Contain(e => e.Contains("AddFactType<TradeInAppraisal>(\"Customer\")"));
        errors.Should().Contain(e => e.Contains("Nothing.Here."));
        errors.Should().Contain(e => e.Contains("ReloadDelay"));
        errors.Should().Contain(e => e.StartsWith("Policy: ", System.StringComparison.Ordinal));
    }

    [Test]
    public void AddEngagementRules_HotReloadWithoutFolders_IsAnError()
    {
        var act = () => new ServiceCollection().AddEngagementRules(o =>
        {
            o.AddRuleText("a.yaml", Given.TradeInRule());
            o.HotReload = true;
        });

        act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors.Should().ContainSingle().Which.Should().Contain("HotReload");
    }

    [Test]
    public void Resolve_RulePercentsNamingAnUnknownRule_FailsNamingItAndTheCloseId()
    {
        using var provider = Services.Build(o =>
        {
            o.AddRuleText("trade-in.yaml", Given.TradeInRule());
            o.Policy = PolicyOptions.Default with { Holdouts = new HoldoutOptions { RulePercents = new System.Collections.Generic.Dictionary<string, double> { ["trade-in-ofer"] = 50 } } };
        });

        var act = () => provider.GetRequiredService<IEngagementEvaluator>();

        act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors.Should().Equal(
            "Policy: Holdouts.RulePercents['trade-in-ofer']: no rule with this id. Did you mean 'trade-in-offer'?");
    }

    [Test]
    public void TryReload_RuleRenamedAwayFromRulePercents_KeepsTheCurrentSet()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.Policy = PolicyOptions.Default with { Holdouts = new HoldoutOptions { RulePercents = new System.Collections.Generic.Dictionary<string, double> { ["trade-in-offer"] = 50 } } };
        });
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var before = rules.Current;
        Yaml.Providers.RuleSetReloadFailedEventArgs? failed = null;
        rules.ReloadFailed += (_, e) => failed = e;

        File.WriteAllText(file, Given.TradeInRule().Replace("id: trade-in-offer", "id: trade-in-upgrade", System.StringComparison.Ordinal));
        var swapped = rules.TryReload(out var diagnostics);

        swapped.Should().BeFalse();
        var mismatch = diagnostics.Should().ContainSingle().Subject;
        mismatch.Code.Should().Be(Yaml.Diagnostics.DiagnosticCodes.PolicyMismatch).And.Be("ER0052", "codes are stable");
        mismatch.Severity.Should().Be(Yaml.Diagnostics.DiagnosticSeverity.Error);
        mismatch.Location.File.Should().Be("PolicyOptions", "the problem is in the options, not in a rule file");
        mismatch.Message.Should().Be("Holdouts.RulePercents['trade-in-offer']: no rule with this id.");
        failed!.Diagnostics.Should().Equal(diagnostics);
        rules.Current.Should().BeSameAs(before);
        rules.Generation.Should().Be(1);
    }

    [Test]
    public void Resolve_BrokenRuleFolder_FailsWithEveryDiagnosticFormatted()
    {
        using var folder = new TempFolder();
        folder.Write("broken.yaml", Given.BrokenRule);
        folder.Write("also-broken.yaml", Given.BrokenRule.Replace("id: broken", "id: other", System.StringComparison.Ordinal).Replace("Custmer", "Vehicel", System.StringComparison.Ordinal));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));

        var act = () => provider.GetRequiredService<IEngagementEvaluator>();

        var exception = act.Should().Throw<EngagementRulesConfigurationException>().Which;
        exception.Errors.Should().OnlyContain(e => e.StartsWith(folder.Path, System.StringComparison.Ordinal), "every diagnostic names its file");
        exception.Errors.Should().Contain(e => e.Contains("broken.yaml:5:", System.StringComparison.Ordinal) && e.Contains("Custmer", System.StringComparison.Ordinal));
        exception.Errors.Should().Contain(e => e.Contains("also-broken.yaml:5:", System.StringComparison.Ordinal) && e.Contains("Vehicel", System.StringComparison.Ordinal));
        exception.Message.Should().Contain($"{exception.Errors.Count} error(s)").And.Contain("Custmer").And.Contain("Vehicel");
    }

    [Test]
    public void Resolve_SameRuleIdInTwoSources_ReportsTheDuplicate()
    {
        using var provider = Services.Build(o =>
        {
            o.AddRuleText("one.yaml", Given.TradeInRule());
            o.AddRuleText("two.yaml", Given.TradeInRule(topic: "sales.other"));
        });

        var act = () => provider.GetRequiredService<IEngagementRuleSetProvider>();

        act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Contain("two.yaml").And.Contain("'trade-in-offer'").And.Contain("one.yaml");
    }

    [Test]
    public void ConfigurationException_CallerChangesItsListAfterwards_KeepsTheErrorsGiven()
    {
        var errors = new List<string> { "RulePaths[0] is empty." };

        var exception = new EngagementRulesConfigurationException("The engagement rules cannot start.", errors);
        errors.Add("added later");

        exception.Errors.Should().Equal("RulePaths[0] is empty.");
        exception.Message.Should().NotContain("added later");
        new EngagementRulesConfigurationException().Errors.Should().BeEmpty("the parameterless constructor lists no problem");
    }
}
