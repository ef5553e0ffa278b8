using Engagement.Rules.Decisions;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_HeldPastItsLastDay_IsExpired()
    {
        var evening = new LocalDateTime(2026, 6, 10, 21, 30).InZoneStrictly(NewYork).ToInstant();
        var facts = FactsOf(Customer(preferred: [ContactChannel.Sms]), null, Vehicle());

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer", expires: Today), facts, at: evening));

        suppressed.Reason.Should().Be(SuppressionReason.Expired);
        Steps(suppressed).Should().Contain("held from 2026-06-10 21:30 to 2026-06-11 08:00").And.Contain("after the last useful day 2026-06-10");
    }

    [Test]
    public void Evaluate_WithinItsLastDay_CarriesTheExpiryInstant()
    {
        var decision = Single(Evaluate(Proposal("offer", expires: Today.PlusDays(1))));

        decision.ExpiresAt.Should().Be(Instant.FromUtc(2026, 6, 12, 4, 0), "the end of 2026-06-11 in New York");
    }

    [Test]
    public void Evaluate_LastDayAlreadyPast_IsExpired()
    {
        SingleSuppressed(Evaluate(Proposal("offer", due: Today.PlusDays(-5), expires: Today.PlusDays(-1)))).Reason.Should().Be(SuppressionReason.Expired);
    }
}
