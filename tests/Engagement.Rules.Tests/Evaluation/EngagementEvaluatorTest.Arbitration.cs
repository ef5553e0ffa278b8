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

    [Test]
    public void Evaluate_ManyWinnersWithLongTopics_NamesEveryWinnerInOrder()
    {
        // The names are written into the message as it is built; these outgrow its first buffer, so the text
        // must come out whole after the buffer grows, each name once, in arbitration order.
        var options = PolicyOptions.Default with { Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = 3 } };
        var topics = Enumerable.Range(0, 4).Select(i => "service." + new string((char)('a' + i), 120)).ToArray();

        var result = Evaluate(
            [
                Proposal("r0", TouchClass.Service, topics[0], priority: 9),
                Proposal("r1", TouchClass.Service, topics[1], priority: 8),
                Proposal("r2", TouchClass.Service, topics[2], priority: 7),
                Proposal("r3", TouchClass.Service, topics[3], priority: 6),
            ],
            options: options);

        result.Decisions.Select(d => d.RuleId).Should().Equal("r0", "r1", "r2");
        var lost = result.Suppressed.Should().ContainSingle().Subject;
        lost.Proposal.RuleId.Should().Be("r3");
        lost.Reason.Should().Be(SuppressionReason.LostArbitration);
        var winners = string.Join(", ", Enumerable.Range(0, 3).Select(i => $"'{topics[i]}' (rule r{i}, Service, priority {9 - i})"));
        Steps(lost).Should().Be($"{ConsentStep(lost)} | arbitration: lost to {winners} for the 3 non-safety touch(es) allowed on 2026-06-10 (order: class, priority, due, topic, rule id)");
    }

    [Test]
    public void Evaluate_DailyBudgetUsedByHistory_NamesEveryTouchSent()
    {
        var options = PolicyOptions.Default with
        {
            Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = 2 },
            Frequency = new FrequencyOptions { Caps = [] },
        };
        var ids = new[] { new string('x', 200), new string('y', 200) };
        var facts = FactsOf(null, null, Vehicle(),
            Sent(ids[0], TouchClass.Service, "service.a", Now - Duration.FromHours(2)),
            Sent(ids[1], TouchClass.Marketing, "offer.b", Now - Duration.FromHours(1)));

        var suppressed = SingleSuppressed(Evaluate(Proposal("oil", TouchClass.Service, "service.oil"), facts, options));

        suppressed.Reason.Should().Be(SuppressionReason.FrequencyCap);
        Steps(suppressed).Should().EndWith($"arbitration: the daily budget of 2 non-safety touch(es) on 2026-06-10 is used by TouchSent {ids[0]}, TouchSent {ids[1]}");
    }

    private static string ConsentStep(SuppressedTouch touch) => touch.Explanation.Steps[0].ToString();
}
