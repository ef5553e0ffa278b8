using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    private static readonly PolicyOptions RoomyDays = PolicyOptions.Default with { Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = 10 } };

    [Test]
    public void Evaluate_TwoMarketingTouchesSentThisWeek_CapsTheThirdButNotService()
    {
        var facts = FactsOf(null, null, Vehicle(),
            Sent("T1", TouchClass.Marketing, "offer.a", Now - Duration.FromDays(2)),
            Sent("T2", TouchClass.Marketing, "offer.b", Now - Duration.FromDays(5)));

        var result = Evaluate([Proposal("offer"), Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1)], facts);

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("oil");
        var capped = result.Suppressed.Should().ContainSingle().Subject;
        capped.Reason.Should().Be(SuppressionReason.FrequencyCap);
        Steps(capped).Should().Contain("TouchSent T1").And.Contain("TouchSent T2").And.Contain("Marketing at most 2 per 7 days");
    }

    [Test]
    public void Evaluate_MarketingSentEightDaysAgo_IsOutsideTheRollingWindow()
    {
        var facts = FactsOf(null, null, Vehicle(),
            Sent("T1", TouchClass.Marketing, "offer.a", Now - Duration.FromDays(8)),
            Sent("T2", TouchClass.Marketing, "offer.b", Now - Duration.FromDays(2)));

        Single(Evaluate(Proposal("offer"), facts)).RuleId.Should().Be("offer");
    }

    [Test]
    public void Evaluate_ThreeMarketingProposalsInOneRun_CapsTheLowestPriority()
    {
        var result = Evaluate([Proposal("low", priority: 1), Proposal("high", priority: 9), Proposal("mid", priority: 5)], options: RoomyDays);

        result.Decisions.Select(d => d.RuleId).Should().BeEquivalentTo("high", "mid");
        var capped = result.Suppressed.Should().ContainSingle().Subject;
        capped.Proposal.RuleId.Should().Be("low");
        capped.Reason.Should().Be(SuppressionReason.FrequencyCap);
        Steps(capped).Should().Contain("'high.topic' (rule high").And.Contain("'mid.topic' (rule mid");
    }

    [Test]
    public void Evaluate_CapPerClassIsConfigurable()
    {
        var options = RoomyDays with { Frequency = new FrequencyOptions { Caps = [new FrequencyCap(TouchClass.Service, 1, Duration.FromDays(3))] } };

        var result = Evaluate([Proposal("a", TouchClass.Service), Proposal("b", TouchClass.Service), Proposal("c"), Proposal("d"), Proposal("e")], options: options);

        result.Decisions.Count(d => d.Class == TouchClass.Service).Should().Be(1);
        result.Decisions.Count(d => d.Class == TouchClass.Marketing).Should().Be(3, "marketing is no longer capped");
    }

    [Test]
    public void Evaluate_SameTopicSentTenDaysAgo_IsInCooldown()
    {
        var facts = FactsOf(null, null, Vehicle(), Sent("T1", TouchClass.Service, "service.oil", Now - Duration.FromDays(10), vin: Vin1));

        var suppressed = SingleSuppressed(Evaluate(Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1), facts));

        suppressed.Reason.Should().Be(SuppressionReason.Cooldown);
        Steps(suppressed).Should().Contain("topic 'service.oil' had TouchSent T1").And.Contain("30-day cooldown");
    }

    [Test]
    public void Evaluate_SameTopicSentThirtyOneDaysAgo_IsAllowed()
    {
        var facts = FactsOf(null, null, Vehicle(), Sent("T1", TouchClass.Service, "service.oil", Now - Duration.FromDays(31), vin: Vin1));

        Single(Evaluate(Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1), facts));
    }

    [Test]
    public void Evaluate_SameTopicTwiceInOneRun_SecondIsInCooldown()
    {
        var result = Evaluate(
            [Proposal("oil-a", TouchClass.Service, "service.oil"), Proposal("oil-b", TouchClass.Service, "service.oil", due: Today.PlusDays(5))],
            options: RoomyDays);

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("oil-a");
        result.Suppressed.Should().ContainSingle().Which.Reason.Should().Be(SuppressionReason.Cooldown);
    }

    [Test]
    public void Evaluate_TopicCooldownOverride_ReplacesTheDefault()
    {
        var options = PolicyOptions.Default with { Frequency = new FrequencyOptions { TopicCooldowns = new Dictionary<string, Duration> { ["service.oil"] = Duration.FromDays(7) } } };
        var facts = FactsOf(null, null, Vehicle(), Sent("T1", TouchClass.Service, "service.oil", Now - Duration.FromDays(10)));

        Single(Evaluate(Proposal("oil", TouchClass.Service, "service.oil"), facts, options));
    }
}
