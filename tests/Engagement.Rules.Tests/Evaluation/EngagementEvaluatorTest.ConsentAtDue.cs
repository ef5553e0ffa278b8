using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>Consent must still be valid when the touch goes out, not only when it is decided (CASL implied consent).</summary>
public sealed partial class EngagementEvaluatorTest
{
    // Ontario, e-mail marketing implied by a purchase on 2024-06-20: valid until 2026-06-20 (CASL, two years).
    private static CustomerFacts OntarioWithImpliedEmailConsent(LocalDate purchase) => FactsOf(
        Customer(zone: "America/Toronto", country: "CA", region: "ON", preferred: [ContactChannel.Email], consents:
        [
            Grant(ContactChannel.Email, at: purchase.AtMidnight().InUtc().ToInstant() + Duration.FromHours(12), basis: ConsentBasis.ImpliedByPurchase),
        ]),
        Dealership("America/Toronto", "CA", "ON"),
        Vehicle());

    [Test]
    public void Evaluate_DueAfterImpliedConsentLapses_IsNoConsent()
    {
        var result = Evaluate(Proposal("offer", due: Today.PlusDays(20)), OntarioWithImpliedEmailConsent(new LocalDate(2024, 6, 20)));

        var suppressed = SingleSuppressed(result);
        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        suppressed.Explanation.Steps[^1].ToString().Should().Be(
            "consent: marketing consent for Email implied by a purchase on 2024-06-20 lapses on 2026-06-20 (CA-ON), before the touch is due at 2026-06-30 10:00");
    }

    [Test]
    public void Evaluate_DueOnTheLastDayOfImpliedConsent_IsDecided()
    {
        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 6, 19)), OntarioWithImpliedEmailConsent(new LocalDate(2024, 6, 20))));

        Steps(decision).Should().Contain("valid until 2026-06-20");
    }

    [Test]
    public void Evaluate_HeldPastTheLapseOfImpliedConsent_IsNoConsent()
    {
        // Valid until 2026-06-11; due today (Wednesday), but Wednesdays and Thursdays are blackout days: held to Friday (00:00: e-mail has no window).
        var options = PolicyOptions.Default with { QuietHours = new QuietHoursOptions { BlackoutDays = [IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday] } };

        var result = Evaluate(Proposal("offer"), OntarioWithImpliedEmailConsent(new LocalDate(2024, 6, 11)), options);

        var suppressed = SingleSuppressed(result);
        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        suppressed.Explanation.Steps.Select(s => s.Policy).Should().Equal("consent", "quiet-hours", "consent");
        suppressed.Explanation.Steps[^1].Description.Should().Contain("lapses on 2026-06-11 (CA-ON), before the touch is due at 2026-06-12 00:00");
    }

    [Test]
    public void Evaluate_ExpressConsentDueFarAhead_IsDecided()
    {
        var facts = FactsOf(Customer(zone: "America/Toronto", country: "CA", region: "ON", preferred: [ContactChannel.Email]), Dealership("America/Toronto", "CA", "ON"), Vehicle());

        Single(Evaluate(Proposal("offer", due: Today.PlusDays(900)), facts)).DueLocal.Date.Should().Be(Today.PlusDays(900));
    }

    [Test]
    public void Evaluate_ServiceOnImpliedMarketingConsentAfterItLapses_IsNoConsent()
    {
        // No service record and no relationship: the marketing grant covers service only while it is valid.
        var customer = Customer(zone: "America/Toronto", country: "CA", region: "ON", preferred: [ContactChannel.Email], consents:
        [
            Grant(ContactChannel.Email, at: Instant.FromUtc(2024, 6, 20, 12, 0), basis: ConsentBasis.ImpliedByPurchase),
        ]);
        var options = PolicyOptions.Default with
        {
            Jurisdictions = JurisdictionRuleTable.Default.With(JurisdictionRuleTable.Default.Find("CA")! with { ServiceByExistingRelationship = false }),
        };

        var suppressed = SingleSuppressed(Evaluate(Proposal("oil", TouchClass.Service, due: Today.PlusDays(20)), FactsOf(customer, Dealership("America/Toronto", "CA", "ON")), options));

        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        suppressed.Explanation.Steps[^1].Description.Should().StartWith("marketing consent for Email implied by a purchase on 2024-06-20 lapses on 2026-06-20");
    }
}
