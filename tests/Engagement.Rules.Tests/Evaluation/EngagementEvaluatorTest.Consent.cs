using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_MarketingWithoutConsent_SuppressedAsNoConsent()
    {
        var facts = FactsOf(Customer(consents: []), null, Vehicle());

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), facts));

        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        Steps(suppressed).Should().Contain("no marketing consent for Email").And.Contain("no marketing consent for Sms");
    }

    [Test]
    public void Evaluate_ConsentWithdrawnTheDayBefore_WithdrawalWinsOverEarlierGrant()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email), Withdraw(ContactChannel.Email, at: Now - Duration.FromDays(1))]);

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle())));

        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        Steps(suppressed).Should().Contain("marketing consent for Email withdrawn 2026-06-09");
    }

    [Test]
    public void Evaluate_WithdrawalAfterTheEvaluationInstant_IsNotYetInForce()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email), Withdraw(ContactChannel.Email, at: Now + Duration.FromDays(1))]);

        Single(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle()))).Channel.Should().Be(ContactChannel.Email);
    }

    [Test]
    public void Evaluate_SameInstantOrFutureGrant_PolicyAndLatestConsentAgreeOnTheWithdrawal()
    {
        var withdrawnAt = Instant.FromUtc(2026, 1, 1, 0, 0);
        ConsentRecord[][] cases =
        [
            [Withdraw(ContactChannel.Email, at: withdrawnAt), Grant(ContactChannel.Email, at: withdrawnAt)],
            [Withdraw(ContactChannel.Email, at: withdrawnAt), Grant(ContactChannel.Email, at: Instant.FromUtc(2030, 1, 1, 0, 0))],
        ];

        foreach (var consents in cases)
        {
            var customer = Customer(preferred: [ContactChannel.Email], consents: consents);

            customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, Now)!.Status.Should().Be(ConsentStatus.Withdrawn);
            SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle()))).Reason.Should().Be(SuppressionReason.NoConsent);
        }
    }

    [Test]
    public void Evaluate_PreferredChannelWithoutConsent_FallsBackAlongPreferences()
    {
        var customer = Customer(
            preferred: [ContactChannel.Sms, ContactChannel.Phone, ContactChannel.Email],
            consents: [Grant(ContactChannel.Sms), Withdraw(ContactChannel.Sms), Grant(ContactChannel.Email)]);

        var decision = Single(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle())));

        decision.Channel.Should().Be(ContactChannel.Email);
        Steps(decision).Should().Contain("Sms skipped (marketing consent for Sms withdrawn").And.Contain("Phone skipped (no marketing consent for Phone)").And.Contain("Email chosen");
    }

    [Test]
    public void Evaluate_AskedChannelWithoutConsent_FallsBackToPreferredChannel()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email)]);

        var decision = Single(Evaluate(Proposal("offer", channel: ContactChannel.Sms), FactsOf(customer, null, Vehicle())));

        decision.Channel.Should().Be(ContactChannel.Email);
        Steps(decision).Should().Contain("asked Sms");
    }

    [Test]
    public void Evaluate_AskedChannelWithoutFallback_SuppressedAsNoConsent()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email)]);
        var options = PolicyOptionsWith(consent: new Rules.Policies.ConsentOptions { FallBackFromAskedChannel = false });

        SingleSuppressed(Evaluate(Proposal("offer", channel: ContactChannel.Sms), FactsOf(customer, null, Vehicle()), options)).Reason.Should().Be(SuppressionReason.NoConsent);
    }

    [Test]
    public void Evaluate_ProposalsSharingClassOrChannel_EachGetsTheConsentStepItGetsAlone()
    {
        // Marketing consent on text messages only, service consent on e-mail only: the outcome differs by class and
        // by asked channel, while proposals that share both share it.
        var customer = Customer(
            preferred: [ContactChannel.Email, ContactChannel.Sms],
            consents: [Grant(ContactChannel.Sms), Grant(ContactChannel.Email, ConsentPurpose.Service)]);
        var facts = FactsOf(customer, null, Vehicle());
        TouchProposal[] proposals =
        [
            Proposal("service-a", TouchClass.Service, due: Today),
            Proposal("offer-a", due: Today.PlusDays(1)),
            Proposal("offer-b", due: Today.PlusDays(2), channel: ContactChannel.Sms),
            Proposal("service-b", TouchClass.Service, due: Today.PlusDays(3)),
            Proposal("offer-c", due: Today.PlusDays(4)),
            Proposal("service-c", TouchClass.Service, due: Today.PlusDays(5), channel: ContactChannel.Phone),
        ];

        var together = ConsentSteps(Evaluate(proposals, facts));

        together.Should().HaveCount(proposals.Length);
        foreach (var proposal in proposals)
        {
            together[proposal.RuleId].Should().Be(ConsentSteps(Evaluate(proposal, facts))[proposal.RuleId], proposal.RuleId);
        }

        together["service-a"].Should().Contain("Email chosen (service consent");
        together["offer-a"].Should().Contain("Email skipped").And.Contain("Sms chosen");
        together["offer-b"].Should().StartWith("asked Sms: Sms chosen");
        together["service-c"].Should().StartWith("asked Phone: Phone skipped");
    }

    private static Dictionary<string, string> ConsentSteps(EngagementResult result) =>
        result.Decisions.Select(d => (d.RuleId, d.Explanation.Steps))
            .Concat(result.Suppressed.Select(s => (s.Proposal.RuleId, s.Explanation.Steps)))
            .ToDictionary(x => x.RuleId, x => x.Steps.Single(step => step.Policy == "consent").Description);

    [TestCase(2024, 6, 1, false)]
    [TestCase(2024, 7, 1, true)]
    public void Evaluate_CaslImpliedConsentFromPurchase_LapsesAfterTwoYears(int year, int month, int day, bool stillValid)
    {
        var purchase = Instant.FromUtc(year, month, day, 12, 0);
        var customer = Customer(zone: "America/Toronto", country: "CA", region: "ON", preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email, at: purchase, basis: ConsentBasis.ImpliedByPurchase)]);
        var facts = FactsOf(customer, Dealership("America/Toronto", "CA", "ON"), Vehicle());

        var result = Evaluate(Proposal("offer"), facts);

        if (stillValid)
        {
            Steps(Single(result)).Should().Contain("implied by a purchase on 2024-07-01, valid until 2026-07-01");
        }
        else
        {
            var suppressed = SingleSuppressed(result);
            suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
            Steps(suppressed).Should().Contain("implied by a purchase on 2024-06-01 lapsed on 2026-06-01 (CA-ON)");
        }
    }

    [Test]
    public void Evaluate_CaslImpliedConsentFromInquiry_LapsesAfterSixMonths()
    {
        var inquiry = Now - Duration.FromDays(200);
        var customer = Customer(zone: "America/Toronto", country: "CA", region: "ON", preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email, at: inquiry, basis: ConsentBasis.ImpliedByInquiry)]);

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(customer, Dealership("America/Toronto", "CA", "ON"), Vehicle())));

        Steps(suppressed).Should().Contain("implied by an inquiry").And.Contain("lapsed");
    }

    [Test]
    public void Evaluate_ImpliedConsentInTheUs_DoesNotLapse()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email, at: Instant.FromUtc(2020, 1, 1, 0, 0), basis: ConsentBasis.ImpliedByPurchase)]);

        Single(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle()))).Channel.Should().Be(ContactChannel.Email);
    }

    [Test]
    public void Evaluate_TextWithImpliedConsentInTheUs_NeedsPriorExpressConsent()
    {
        var customer = Customer(preferred: [ContactChannel.Sms], consents: [Grant(ContactChannel.Sms, basis: ConsentBasis.ImpliedByPurchase)]);

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle())));

        Steps(suppressed).Should().Contain("Sms needs prior express consent in US-NY");
    }

    [Test]
    public void Evaluate_SafetyWithoutMarketingConsent_IsSentOnThePreferredChannel()
    {
        var facts = FactsOf(Customer(consents: []), null, Vehicle());

        var decision = Single(Evaluate(Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1, kind: TouchKind.Notice), facts));

        decision.Channel.Should().Be(ContactChannel.Email);
        Steps(decision).Should().Contain("no marketing consent needed");
    }

    [Test]
    public void Evaluate_SafetyWithEveryElectronicChannelWithdrawn_FallsBackToPostalMail()
    {
        var customer = Customer(consents:
        [
            Withdraw(ContactChannel.Email, ConsentPurpose.Service),
            Withdraw(ContactChannel.Sms, ConsentPurpose.Service),
        ]);

        var decision = Single(Evaluate(Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1), FactsOf(customer, null, Vehicle())));

        decision.Channel.Should().Be(ContactChannel.Mail);
        Steps(decision).Should().Contain("Email skipped (service consent withdrawn");
    }

    [Test]
    public void Evaluate_ServiceWithoutConsentRecords_UsesTheExistingRelationshipOnEmailButNotOnText()
    {
        var customer = Customer(preferred: [ContactChannel.Sms, ContactChannel.Email], consents: []);

        var decision = Single(Evaluate(Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1), FactsOf(customer, null, Vehicle())));

        decision.Channel.Should().Be(ContactChannel.Email);
        Steps(decision).Should().Contain("Sms skipped (Sms needs prior express consent in US-NY").And.Contain($"existing relationship: owns Vehicle {Vin1}");
    }

    [Test]
    public void Evaluate_ServiceConsentWithdrawn_IsNotOverriddenByTheRelationship()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Withdraw(ContactChannel.Email, ConsentPurpose.Service)]);

        SingleSuppressed(Evaluate(Proposal("oil", TouchClass.Service, "service.oil"), FactsOf(customer, null, Vehicle()))).Reason.Should().Be(SuppressionReason.NoConsent);
    }

    [Test]
    public void Evaluate_ChannelWithoutContactPoint_IsSkipped()
    {
        var customer = Customer() with { ContactPoints = new ContactPoints { Phone = "+12125550100" } };

        var decision = Single(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle())));

        decision.Channel.Should().Be(ContactChannel.Sms);
        Steps(decision).Should().Contain("Email skipped (no Email contact point)");
    }

    private static Rules.Policies.PolicyOptions PolicyOptionsWith(
        Rules.Policies.ConsentOptions? consent = null,
        Rules.Policies.QuietHoursOptions? quietHours = null,
        Rules.Policies.FrequencyOptions? frequency = null,
        Rules.Policies.ArbitrationOptions? arbitration = null,
        Rules.Policies.SuppressionOptions? suppression = null,
        Rules.Policies.HoldoutOptions? holdouts = null,
        Rules.Policies.StopConditionOptions? stop = null,
        Rules.Policies.JurisdictionRuleTable? jurisdictions = null)
    {
        var defaults = Rules.Policies.PolicyOptions.Default;
        return defaults with
        {
            Consent = consent ?? defaults.Consent,
            QuietHours = quietHours ?? defaults.QuietHours,
            Frequency = frequency ?? defaults.Frequency,
            Arbitration = arbitration ?? defaults.Arbitration,
            Suppression = suppression ?? defaults.Suppression,
            Holdouts = holdouts ?? defaults.Holdouts,
            StopConditions = stop ?? defaults.StopConditions,
            Jurisdictions = jurisdictions ?? defaults.Jurisdictions,
        };
    }
}
