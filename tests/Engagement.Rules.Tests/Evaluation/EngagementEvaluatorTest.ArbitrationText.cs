using System.Linq;
using Engagement.Rules.Decisions;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>The arbitration step's text when several touches lose: each names the winners of its own day.</summary>
public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_SeveralLosersOnOneDay_EachNamesThatDaysWinner()
    {
        var result = Evaluate(
        [
            Proposal("oil", TouchClass.Service, "service.oil", priority: 2),
            Proposal("tire", TouchClass.Service, "service.tire", priority: 1),
            Proposal("wash", TouchClass.Service, "service.wash", priority: 0),
        ]);

        result.Decisions.Single().RuleId.Should().Be("oil");
        result.Suppressed.Select(s => (s.Proposal.RuleId, s.Reason, ArbitrationStep(s))).Should().Equal(
            ("tire", SuppressionReason.LostArbitration, "lost to 'service.oil' (rule oil, Service, priority 2) for the 1 non-safety touch(es) allowed on 2026-06-10 (order: class, priority, due, topic, rule id)"),
            ("wash", SuppressionReason.LostArbitration, "lost to 'service.oil' (rule oil, Service, priority 2) for the 1 non-safety touch(es) allowed on 2026-06-10 (order: class, priority, due, topic, rule id)"));
    }

    [Test]
    public void Evaluate_LosersOnDifferentDays_EachNamesThatDaysWinner()
    {
        // Arbitration order: a, b (priority 2), then c, d; a and b win their days, c and d lose on them in turn.
        var result = Evaluate(
        [
            Proposal("a", TouchClass.Service, "service.a", due: Today, priority: 2),
            Proposal("b", TouchClass.Service, "service.b", due: Today.PlusDays(1), priority: 2),
            Proposal("c", TouchClass.Service, "service.c", due: Today, priority: 1),
            Proposal("d", TouchClass.Service, "service.d", due: Today.PlusDays(1), priority: 1),
        ]);

        result.Decisions.Select(d => d.RuleId).Should().Equal("a", "b");
        result.Suppressed.Select(s => (s.Proposal.RuleId, ArbitrationStep(s))).Should().Equal(
            ("c", "lost to 'service.a' (rule a, Service, priority 2) for the 1 non-safety touch(es) allowed on 2026-06-10 (order: class, priority, due, topic, rule id)"),
            ("d", "lost to 'service.b' (rule b, Service, priority 2) for the 1 non-safety touch(es) allowed on 2026-06-11 (order: class, priority, due, topic, rule id)"));
    }

    [Test]
    public void Evaluate_BudgetUsedByHistoryThenByAWinner_EachLoserNamesWhatUsedIt()
    {
        // Two a day: the history's touch and a's use the budget; b loses to a, as would a lone loser.
        var options = Rules.Policies.PolicyOptions.Default with { Arbitration = new Rules.Policies.ArbitrationOptions { MaxNonSafetyTouchesPerDay = 2 } };
        var facts = FactsOf(Customer(), null, Vehicle(), Sent("T-1", TouchClass.Service, "service.earlier", Now - NodaTime.Duration.FromHours(2)));

        var result = Evaluate(
        [
            Proposal("a", TouchClass.Service, "service.a", priority: 2),
            Proposal("b", TouchClass.Service, "service.b", priority: 1),
        ], facts, options);

        result.Decisions.Select(d => d.RuleId).Should().Equal("a");
        ArbitrationStep(result.Suppressed.Single()).Should().Be("lost to 'service.a' (rule a, Service, priority 2) for the 2 non-safety touch(es) allowed on 2026-06-10 (order: class, priority, due, topic, rule id)");
    }

    private static string ArbitrationStep(SuppressedTouch touch) => touch.Explanation.Steps.Single(step => step.Policy == "arbitration").Description;
}
