using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    private static readonly PolicyOptions NoSafetySuppression = PolicyOptions.Default with
    {
        Suppression = new SuppressionOptions { Conditions = [SuppressionCondition.OpenComplaint] },
    };

    [Test]
    public void Evaluate_CompetingTouches_ClassOutranksPriority()
    {
        var result = Evaluate(
        [
            Proposal("offer", priority: 100),
            Proposal("birthday", TouchClass.Relationship, "relationship.birthday", priority: 50, kind: TouchKind.Greeting),
            Proposal("oil", TouchClass.Service, "service.oil", priority: 0),
        ]);

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("oil");
        result.Suppressed.Should().HaveCount(2).And.OnlyContain(s => s.Reason == SuppressionReason.LostArbitration);
        Steps(result.Suppressed[0]).Should().Contain("lost to 'service.oil' (rule oil, Service, priority 0)");
    }

    [Test]
    public void Evaluate_SameClass_HigherPriorityWins()
    {
        var result = Evaluate([Proposal("a", priority: 1), Proposal("b", priority: 2)]);

        result.Decisions.Single().RuleId.Should().Be("b");
    }

    [Test]
    public void Evaluate_SameClassAndPriority_EarlierDueWins()
    {
        var result = Evaluate([Proposal("late", time: new LocalTime(16, 0)), Proposal("early", time: new LocalTime(11, 0))]);

        result.Decisions.Single().RuleId.Should().Be("early");
    }

    [Test]
    public void Evaluate_FullTie_TopicThenRuleIdOrdinalDecides()
    {
        var byTopic = Evaluate([Proposal("r1", topic: "offer.b"), Proposal("r2", topic: "offer.a")]);
        var byRule = Evaluate(
            [Proposal("r2", topic: "offer.x"), Proposal("r1", topic: "offer.x")],
            options: PolicyOptions.Default with { Frequency = new FrequencyOptions { CooldownExemptClasses = [TouchClass.Marketing] } });

        byTopic.Decisions.Single().Topic.Should().Be("offer.a");
        byRule.Decisions.Single().RuleId.Should().Be("r1");
    }

    [Test]
    public void Evaluate_SafetyDoesNotUseTheDailyBudget()
    {
        var result = Evaluate([Proposal("recall", TouchClass.Safety, "safety.recall"), Proposal("oil", TouchClass.Service, "service.oil")], options: NoSafetySuppression);

        result.Decisions.Select(d => d.RuleId).Should().BeEquivalentTo("recall", "oil");
    }

    [Test]
    public void Evaluate_TouchSentEarlierToday_UsesTheDailyBudget()
    {
        var facts = FactsOf(null, null, Vehicle(), Sent("T1", TouchClass.Service, "service.tires", Now - Duration.FromHours(1)));

        var suppressed = SingleSuppressed(Evaluate(Proposal("oil", TouchClass.Service, "service.oil"), facts));

        suppressed.Reason.Should().Be(SuppressionReason.FrequencyCap);
        Steps(suppressed).Should().Contain("daily budget of 1 non-safety touch(es) on 2026-06-10 is used by TouchSent T1");
    }

    [Test]
    public void Evaluate_TouchesOnDifferentDays_DoNotCompete()
    {
        var result = Evaluate([Proposal("oil", TouchClass.Service, "service.oil"), Proposal("tires", TouchClass.Service, "service.tires", due: Today.PlusDays(1))]);

        result.Decisions.Should().HaveCount(2);
        result.Decisions[0].RuleId.Should().Be("oil", "decisions are ordered by due instant");
    }

    [Test]
    public void Evaluate_RelationshipOffer_IsRejectedWithAClearReason()
    {
        var suppressed = SingleSuppressed(Evaluate(Proposal("birthday", TouchClass.Relationship, kind: TouchKind.Offer)));

        suppressed.Reason.Should().Be(SuppressionReason.NotAllowedForClass);
        Steps(suppressed).Should().Contain("a relationship touch may not carry an offer");
    }
}
