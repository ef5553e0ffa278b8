using System.Linq;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed partial class AddEngagementRulesTest
{
    private const string CrossProductRule = """
        apiVersion: engagement-rules/v1
        rules:
          - id: every-four-appraisals
            when:
              - customer: Customer
              - a: TradeInAppraisal
              - b: TradeInAppraisal
              - c: TradeInAppraisal
              - d: TradeInAppraisal
            then:
              - touch: { kind: offer, class: marketing, topic: sales.cross, reason: "every four appraisals" }
        """;

    [Test]
    public void Evaluate_DefaultSessionOptions_StopACrossProductAtTheEvaluatorsMatchGuard()
    {
        using var provider = Services.Build(o => o.AddRuleText("cross.yaml", CrossProductRule));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();

        // 20 + 400 + 8,000 + 160,000 partial matches: past the evaluator's 100,000.
        var act = () => evaluator.Evaluate(Given.For("C1", Enumerable.Range(1, 20).Select(i => (object)new TradeInAppraisal("C1", i))));

        act.Should().Throw<EngagementEvaluationException>().WithInnerException<RuleMatchLimitException>()
            .Which.Should().Match<RuleMatchLimitException>(e => e.Limit == EngagementEvaluator.DefaultSessionOptions.MaxPartialMatches && e.RuleIds.Contains("every-four-appraisals"));
    }

    [Test]
    public void Evaluate_MatchGuardRaised_TheMatchesAreMadeAndTheLoopGuardStopsTheirFiring()
    {
        using var provider = Services.Build(o =>
        {
            o.AddRuleText("cross.yaml", CrossProductRule);
            o.Session = EngagementEvaluator.DefaultSessionOptions with { MaxPartialMatches = 1_000_000 };
        });
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();

        // All 160,000 matches are made now; firing them passes the loop guard's 10,000 firings.
        var act = () => evaluator.Evaluate(Given.For("C1", Enumerable.Range(1, 20).Select(i => (object)new TradeInAppraisal("C1", i))));

        act.Should().Throw<EngagementEvaluationException>().WithInnerException<RuleLoopException>();
    }
}
