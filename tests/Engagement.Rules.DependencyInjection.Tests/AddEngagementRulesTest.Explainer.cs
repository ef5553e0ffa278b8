using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Engine;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Explaining;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Engagement.Rules.DependencyInjection.Tests;

/// <summary>The registered <see cref="RuleExplainer"/>: the rules in service, one explainer per rule set, through reloads.</summary>
public sealed partial class AddEngagementRulesTest
{
    private const string TradeInOffer = "trade-in-offer";

    private static CustomerFacts Appraised() => Given.For("C1", new TradeInAppraisal("C1", 900_000));

    [Test]
    public void RuleExplainer_Resolved_ExplainsTheEvaluatorsRulesWithItsVerdicts()
    {
        using var folder = new TempFolder();
        folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var facts = Appraised();
        var evaluation = provider.GetRequiredService<IEngagementEvaluator>().Evaluate(facts);

        var explainer = provider.GetRequiredService<RuleExplainer>();
        var rule = explainer.ExplainRule(facts, evaluation, TradeInOffer);

        explainer.RuleSet.Should().BeSameAs(provider.GetRequiredService<IEngagementRuleSetProvider>().Current);
        rule.Outcome.Should().Be(RuleOutcome.Fired);
        rule.Decisions.Should().ContainSingle().Which.Topic.Should().Be("sales.trade-in");
    }

    [Test]
    public void RuleExplainer_ResolvedTwiceWithoutReload_IsOneInstance()
    {
        // One explainer per rule set: its probe compilations serve every request until the rules change.
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()));

        var first = provider.GetRequiredService<RuleExplainer>();
        using var scope = provider.CreateScope();
        var second = scope.ServiceProvider.GetRequiredService<RuleExplainer>();

        second.Should().BeSameAs(first);
    }

    [Test]
    public void RuleExplainer_ResolvedAfterReload_ExplainsWithTheNewRules()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(thresholdCents: 500_000));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var before = provider.GetRequiredService<RuleExplainer>();
        before.ExplainRule(Appraised(), Given.Now, TradeInOffer).Outcome.Should().Be(RuleOutcome.Fired);

        System.IO.File.WriteAllText(file, Given.TradeInRule(thresholdCents: 1_000_000));
        rules.TryReload(out _).Should().BeTrue();
        var after = provider.GetRequiredService<RuleExplainer>();
        var rule = after.ExplainRule(Appraised(), Given.Now, TradeInOffer);

        after.Should().NotBeSameAs(before);
        after.RuleSet.Should().BeSameAs(rules.Current);
        rule.Outcome.Should().Be(RuleOutcome.NotMatched, "the new threshold is above the appraisal");
        rule.Failure!.Kind.Should().Be(ElementFailureKind.ConditionRejected);
        rule.Failure.Condition!.Text.Should().Contain("1000000");
        before.RuleSet.Should().NotBeSameAs(rules.Current, "an explainer keeps its rules: resolve one per use");
    }

    [Test]
    public void RuleExplainer_FailedReload_KeepsTheExplainerOfTheRulesInService()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var before = provider.GetRequiredService<RuleExplainer>();

        System.IO.File.WriteAllText(file, Given.BrokenRule);
        provider.GetRequiredService<IEngagementRuleSetProvider>().TryReload(out _).Should().BeFalse();

        provider.GetRequiredService<RuleExplainer>().Should().BeSameAs(before);
    }

    [Test]
    public void RuleExplainer_ReloadThePolicyOptionsRefuse_KeepsExplainingTheEvaluatorsRules()
    {
        // The sources moved on, the evaluator did not (ER0052): the explainer follows the evaluator.
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.Policy = PolicyOptions.Default with { Holdouts = new HoldoutOptions { RulePercents = new System.Collections.Generic.Dictionary<string, double> { [TradeInOffer] = 50 } } };
        });
        var before = provider.GetRequiredService<RuleExplainer>();

        System.IO.File.WriteAllText(file, Given.TradeInRule().Replace("id: trade-in-offer", "id: trade-in-upgrade", StringComparison.Ordinal));
        provider.GetRequiredService<IEngagementRuleSetProvider>().TryReload(out _).Should().BeFalse();
        var after = provider.GetRequiredService<RuleExplainer>();

        after.Should().BeSameAs(before);
        after.ExplainRule(Appraised(), Given.Now, TradeInOffer).Outcome.Should().Be(RuleOutcome.Fired, "the rule in service is still there");
    }

    [Test]
    public void RuleExplainer_EvaluationFromTheRulesBeforeAReload_IsRefused()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.v1"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var facts = Appraised();
        var old = provider.GetRequiredService<IEngagementEvaluator>().Evaluate(facts);

        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.v2"));
        rules.TryReload(out _).Should().BeTrue();
        var explainer = provider.GetRequiredService<RuleExplainer>();
        var act = () => explainer.ExplainRule(facts, old, TradeInOffer);

        act.Should().Throw<ArgumentException>().WithParameterName("evaluation")
            .Which.Message.Should().Contain(old.RuleSetFingerprint!).And.Contain(rules.Current.Fingerprint!);
        var fresh = provider.GetRequiredService<IEngagementEvaluator>().Evaluate(facts);
        explainer.ExplainRule(facts, fresh, TradeInOffer).Decisions.Should().ContainSingle().Which.Topic.Should().Be("sales.v2", "an evaluation of the rules in service is explained");
    }

    [Test]
    public async Task RuleExplainer_AfterAHotReload_ExplainsWithTheNewRules()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(thresholdCents: 500_000));
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.HotReload = true;
            o.ReloadDelay = Duration.FromMilliseconds(50);
        });
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        provider.GetRequiredService<RuleExplainer>().ExplainRule(Appraised(), Given.Now, TradeInOffer).Outcome.Should().Be(RuleOutcome.Fired);

        await System.IO.File.WriteAllTextAsync(file, Given.TradeInRule(thresholdCents: 1_000_000));

        // Waits for the watcher (bounded, generously); what is asserted is the explainer after the swap, not its speed.
        for (var i = 0; i < 600 && rules.Generation == 1; i++)
        {
            await Task.Delay(50);
        }

        rules.Generation.Should().BeGreaterThan(1);
        var explainer = provider.GetRequiredService<RuleExplainer>();
        explainer.RuleSet.Fingerprint.Should().Be(new RuleFileLoader().Load([folder.Path]).Fingerprint);
        explainer.ExplainRule(Appraised(), Given.Now, TradeInOffer).Outcome.Should().Be(RuleOutcome.NotMatched);
    }

    [Test]
    public void RuleExplainer_ResolvedAndUsedDuringReloads_EachExplainsWithItsOwnRules()
    {
        // Two versions, told apart by the outcome: the low threshold fires for the appraisal, the high one does not.
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(thresholdCents: 1_000_000));
        var high = new RuleFileLoader().Load([folder.Path]).Fingerprint;
        System.IO.File.WriteAllText(file, Given.TradeInRule(thresholdCents: 500_000));
        var low = new RuleFileLoader().Load([folder.Path]).Fingerprint;
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var seen = new ConcurrentBag<(RuleExplainer Explainer, RuleOutcome Outcome)>();
        var reloading = 1;

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            // At least a few explanations each, and more while the rules change under them.
            for (var i = 0; i < 3 || Volatile.Read(ref reloading) == 1; i++)
            {
                var explainer = provider.GetRequiredService<RuleExplainer>();
                seen.Add((explainer, explainer.ExplainRule(Appraised(), Given.Now, TradeInOffer).Outcome));
            }
        })).ToArray();
        for (var reload = 0; reload < 6; reload++)
        {
            System.IO.File.WriteAllText(file, Given.TradeInRule(thresholdCents: reload % 2 == 0 ? 1_000_000 : 500_000));
            rules.TryReload(out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics.Select(d => d.Format())));
        }

        Volatile.Write(ref reloading, 0);
        Task.WaitAll(workers);

        seen.Should().AllSatisfy(s => s.Outcome.Should().Be(s.Explainer.RuleSet.Fingerprint == low ? RuleOutcome.Fired : RuleOutcome.NotMatched));
        seen.Select(s => s.Explainer.RuleSet.Fingerprint).Should().OnlyContain(f => f == low || f == high);
        seen.GroupBy(s => s.Explainer.RuleSet).Should().OnlyContain(g => g.Select(s => s.Explainer).Distinct().Count() == 1, "one explainer per rule set");
        var settled = provider.GetRequiredService<RuleExplainer>();
        settled.RuleSet.Should().BeSameAs(rules.Current);
        settled.ExplainRule(Appraised(), Given.Now, TradeInOffer).Outcome.Should().Be(RuleOutcome.Fired, "the last reload put the low threshold in service");
    }

    [Test]
    public void RuleExplainer_Resolved_RunsUnderTheConfiguredSessionGuards()
    {
        using var provider = Services.Build(o =>
        {
            o.AddRuleText("trade-in.yaml", Given.TradeInRule());
            o.Session = EngagementEvaluator.DefaultSessionOptions with { MaxFiringsPerFire = 1 };
        });
        var twice = Given.For("C1", new TradeInAppraisal("C1", 900_000), new TradeInAppraisal("C1", 800_000));

        var act = () => provider.GetRequiredService<RuleExplainer>().Explain(twice, Given.Now);

        act.Should().Throw<EngagementEvaluationException>().WithInnerException<RuleLoopException>();
    }
}
