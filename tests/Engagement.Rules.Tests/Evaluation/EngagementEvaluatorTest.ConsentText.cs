using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>The consent step's whole text, branch by branch: the text is assembled from parts, so each part's place is checked.</summary>
public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_SkippedChannelsThenChosen_NamesEachChannelsReasonInOrder()
    {
        var customer = Customer(
            preferred: [ContactChannel.Sms, ContactChannel.Phone, ContactChannel.Email],
            consents: [Grant(ContactChannel.Sms, basis: ConsentBasis.ImpliedByPurchase), Grant(ContactChannel.Email)]);

        var decision = Single(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle())));

        ConsentStep(decision.Explanation).Should().Be(
            "asked the preferred channel: Sms skipped (Sms needs prior express consent in US-NY; the marketing consent is ImpliedByPurchase); "
            + "Phone skipped (no marketing consent for Phone); Email chosen (marketing consent granted expressly on 2025-01-01)");
    }

    [Test]
    public void Evaluate_AskedChannelChosenAtOnce_NamesTheAskedChannel()
    {
        var decision = Single(Evaluate(Proposal("offer", channel: ContactChannel.Sms), FactsOf(Customer(), null, Vehicle())));

        ConsentStep(decision.Explanation).Should().Be("asked Sms: Sms chosen (marketing consent granted expressly on 2025-01-01)");
    }

    [Test]
    public void Evaluate_ServiceWithMarketingConsentOnly_SaysMarketingCoversService()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email)]);

        var decision = Single(Evaluate(Proposal("oil", TouchClass.Service, "service.oil"), FactsOf(customer, null, Vehicle())));

        ConsentStep(decision.Explanation).Should().Be("asked the preferred channel: Email chosen (marketing consent covers service: marketing consent granted expressly on 2025-01-01)");
    }

    [Test]
    public void Evaluate_ServiceWithARepairOrderButNoOwnedVehicle_UsesTheRepairOrderAsTheRelationship()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: []);
        var order = new RepairOrder { RepairOrderId = "RO-7", Vin = Vin.Parse(Vin1), CustomerId = "C1", OpenedOn = Today.PlusDays(-200), ClosedOn = Today.PlusDays(-199), Mileage = 20000 };

        var decision = Single(Evaluate(Proposal("oil", TouchClass.Service, "service.oil"), FactsOf(customer, null, Vehicle(owned: false), order)));

        ConsentStep(decision.Explanation).Should().Be("asked the preferred channel: Email chosen (existing relationship: RepairOrder RO-7)");
    }

    [Test]
    public void Evaluate_ServiceWithSeveralRepairOrdersButNoOwnedVehicle_NamesTheFirstById()
    {
        var customer = Customer(preferred: [ContactChannel.Email], consents: []);
        var orders = new[] { "RO-9", "RO-10", "RO-2" }.Select(id => new RepairOrder { RepairOrderId = id, Vin = Vin.Parse(Vin1), CustomerId = "C1", OpenedOn = Today.PlusDays(-200), ClosedOn = Today.PlusDays(-199), Mileage = 20000 });

        var decision = Single(Evaluate(Proposal("oil", TouchClass.Service, "service.oil"), FactsOf(customer, null, [Vehicle(owned: false), .. orders])));

        ConsentStep(decision.Explanation).Should().Be("asked the preferred channel: Email chosen (existing relationship: RepairOrder RO-10)");
    }

    [Test]
    public void Evaluate_JurisdictionWithoutTheRelationshipException_SuppressesServiceWithoutConsent()
    {
        var us = JurisdictionRuleTable.Default.Find("US")! with { ServiceByExistingRelationship = false };
        var customer = Customer(preferred: [ContactChannel.Email], consents: []);

        var suppressed = SingleSuppressed(Evaluate(
            Proposal("oil", TouchClass.Service, "service.oil"),
            FactsOf(customer, null, Vehicle()),
            PolicyOptionsWith(jurisdictions: JurisdictionRuleTable.Default.With(us))));

        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        ConsentStep(suppressed.Explanation).Should().Be("no channel with service consent or an existing relationship: Email skipped (no service consent, and US-NY does not accept an existing relationship)");
    }

    [Test]
    public void Evaluate_SafetyForMovedAwayCustomerWithoutPostalAddress_SaysWhichChannelItNeeds()
    {
        var customer = Customer() with { Status = CustomerStatus.MovedAway, ContactPoints = Reachable with { PostalAddress = null } };

        var suppressed = SingleSuppressed(Evaluate(Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1), FactsOf(customer, null, Vehicle())));

        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        ConsentStep(suppressed.Explanation).Should().Be("no reachable channel whose service consent is not withdrawn: Mail skipped (no Mail contact point)");
    }

    [Test]
    public void Evaluate_NoChannelToTry_SaysSoInsteadOfAnEmptyList()
    {
        var options = PolicyOptionsWith(consent: new ConsentOptions { DefaultChannelOrder = [] });

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(Customer(preferred: []), null, Vehicle()), options));

        suppressed.Reason.Should().Be(SuppressionReason.NoConsent);
        ConsentStep(suppressed.Explanation).Should().Be("no channel with marketing consent: the customer has no channel to try");
    }

    [Test]
    public void Evaluate_ManyDistinctClassAndChannelPairs_EachGetsTheConsentStepItGetsAlone()
    {
        // More distinct (class, asked channel) pairs than the policy keeps outcomes for, then repeats of each.
        var customer = Customer(
            preferred: [ContactChannel.Email, ContactChannel.Sms],
            consents: [Grant(ContactChannel.Sms), Grant(ContactChannel.Email, ConsentPurpose.Service)]);
        var facts = FactsOf(customer, null, Vehicle());
        (TouchClass Class, ContactChannel? Channel)[] pairs =
        [
            (TouchClass.Service, null), (TouchClass.Marketing, null), (TouchClass.Marketing, ContactChannel.Sms), (TouchClass.Service, ContactChannel.Phone),
            (TouchClass.Relationship, null), (TouchClass.Marketing, ContactChannel.Email), (TouchClass.Service, ContactChannel.Sms),
        ];
        var proposals = pairs.Concat(pairs)
            .Select((pair, i) => Proposal($"r{i}", pair.Class, due: Today.PlusDays(i), channel: pair.Channel))
            .ToArray();

        var together = ConsentSteps(Evaluate(proposals, facts));

        together.Should().HaveCount(proposals.Length);
        foreach (var proposal in proposals)
        {
            together[proposal.RuleId].Should().Be(ConsentSteps(Evaluate(proposal, facts))[proposal.RuleId], proposal.RuleId);
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Evaluate_GrantAndWithdrawalAtTheSameInstant_WithdrawalWinsInEitherOrder(bool grantFirst)
    {
        var at = Now - NodaTime.Duration.FromDays(3);
        ConsentRecord[] records = [Grant(ContactChannel.Email, at: at), Withdraw(ContactChannel.Email, at: at)];
        var customer = Customer(preferred: [ContactChannel.Email], consents: grantFirst ? records : [.. records.Reverse()]);

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle())));

        ConsentStep(suppressed.Explanation).Should().Be("no channel with marketing consent: Email skipped (marketing consent for Email withdrawn 2026-06-07T14:00:00Z)");
    }

    [Test]
    public void Evaluate_RecordsOfOtherChannelsAndPurposes_DoNotCount()
    {
        // Only a later marketing grant on text and a service withdrawal on e-mail: e-mail's marketing grant stands.
        var customer = Customer(
            preferred: [ContactChannel.Email],
            consents: [Grant(ContactChannel.Email), Withdraw(ContactChannel.Sms), Withdraw(ContactChannel.Email, ConsentPurpose.Service), Grant(ContactChannel.Sms, at: Now)]);

        var decision = Single(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle())));

        ConsentStep(decision.Explanation).Should().Be("asked the preferred channel: Email chosen (marketing consent granted expressly on 2025-01-01)");
    }

    private static string ConsentStep(DecisionExplanation explanation) => explanation.Steps.Single(step => step.Policy == "consent").Description;
}
