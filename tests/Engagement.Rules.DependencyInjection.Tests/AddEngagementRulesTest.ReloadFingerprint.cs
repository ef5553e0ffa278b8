using System.Linq;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Yaml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engagement.Rules.DependencyInjection.Tests;

/// <summary>The reload status and the reload log name the fingerprint of the rules in service, for health checks and audits.</summary>
public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void LastReload_SuccessThenFailure_CarriesTheFingerprintOfTheRulesInService()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.v1"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var facts = Given.For("C1", new TradeInAppraisal("C1", 900_000));
        var first = rules.Current.Fingerprint;

        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.v2"));
        rules.TryReload(out _).Should().BeTrue();
        var success = rules.LastReload!;
        var v2 = new RuleFileLoader().Load([folder.Path]).Fingerprint;

        success.RuleSetFingerprint.Should().Be(v2).And.NotBe(first);
        evaluator.Evaluate(facts).RuleSetFingerprint.Should().Be(success.RuleSetFingerprint, "results after the reload name the rules it put in service");

        System.IO.File.WriteAllText(file, Given.BrokenRule);
        rules.TryReload(out _).Should().BeFalse();

        rules.LastReload!.RuleSetFingerprint.Should().Be(v2, "a failed reload keeps the rules in service, and names them");
    }

    [Test]
    public void RuleSetReloadStatus_UnknownFingerprint_IsNull()
    {
        var status = new RuleSetReloadStatus(Given.Now, true, 2, null, []);

        status.RuleSetFingerprint.Should().BeNull();
        new RuleSetReloadStatus(Given.Now, true, 2, "3f9c0a6d1b2e4f5a8c7d9e0f1a2b3c4d", []).RuleSetFingerprint.Should().Be("3f9c0a6d1b2e4f5a8c7d9e0f1a2b3c4d");
    }

    [Test]
    public void TryReload_WithLoggerFactory_LogsTheFingerprintOfTheRulesInService()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.v1"));
        using var logs = new FakeLoggerFactory();
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path), s => s.AddSingleton<ILoggerFactory>(logs));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var v1 = rules.Current.Fingerprint!;

        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.v2"));
        rules.TryReload(out _).Should().BeTrue();
        var v2 = rules.Current.Fingerprint!;
        System.IO.File.WriteAllText(file, Given.BrokenRule);
        rules.TryReload(out _).Should().BeFalse();

        logs.WithEvent(2000).Select(e => e.Message).Should().SatisfyRespectively(
            loaded => loaded.Should().Contain("generation 1").And.Contain($"rule set {v1}"),
            reloaded => reloaded.Should().Contain("generation 2").And.Contain($"rule set {v2}"));
        logs.WithEvent(2002).Should().ContainSingle().Which.Message.Should().Contain($"keeping generation 2 (rule set {v2})");
    }
}
