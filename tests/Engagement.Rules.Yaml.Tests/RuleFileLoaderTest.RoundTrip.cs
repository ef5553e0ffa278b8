using System.Linq;
using Engagement.Rules.Chaining;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// YAML to rule definitions to a compiled engine to fired proposals, with the real expression language. The
/// vehicle-side facts are host types with a text VIN (registered under the domain names), because the
/// expression language does not yet accept the domain's <c>Vin</c> type (ER2022).
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    private const string OfferRules = """
        apiVersion: engagement-rules/v1
        conditions:
          activeCustomer: "customer.status == Active"
        rules:
          - id: warranty-ending-offer
            priority: 40
            effective: { from: 2026-01-01, until: 2027-12-31 }
            when:
              - customer: Customer
                where: activeCustomer
              - vehicle: Vehicle
                where: [ "vehicle.ownerCustomerId == customer.customerId", "vehicle.isOwned" ]
              - warranty: FactoryWarranty
                where: "warranty.vin == vehicle.vin and daysUntil(warranty.endDate) between 30 and 60"
              - not: { contract: ExtendedServiceContract, where: "contract.vin == vehicle.vin" }
              - let: { daysLeft: "daysUntil(warranty.endDate)" }
            then:
              - touch:
                  kind: offer
                  class: marketing
                  topic: protection.warranty-ending
                  vehicle: vehicle
                  channel: email
                  due: "today() + 1 days"
                  at: "10:00"
                  expires: "warranty.endDate"
                  priority: 10
                  values: { model: "vehicle.model", daysLeft: "daysLeft" }
                  reason: "Factory warranty ends in {daysLeft} days"
              - signal: { name: warranty-offer-made, vehicle: vehicle, values: { days: "daysLeft" } }
          - id: follow-up-on-offer
            when:
              - s: Signal
                where: "s.name == 'warranty-offer-made'"
            then:
              - touch: { kind: follow-up, class: service, topic: protection.follow-up, customer: "s.customerId", due: "today() + 7 days" }
        """;

    private static readonly LocalDate Today = new(2026, 3, 2);

    private static readonly RuleLoaderOptions HostOptions = new()
    {
        Catalog = new FactTypeCatalog()
            .Register<Customer>()
            .Register<HostVehicle>("Vehicle")
            .Register<HostWarranty>("FactoryWarranty")
            .Register<HostContract>("ExtendedServiceContract")
            .Register<Signal>()
            .Register<TouchProposal>(),
    };

    private static CompiledRuleSet CompileOffers()
    {
        var result = new RuleFileLoader(HostOptions).LoadFromText("offers.yaml", OfferRules);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        return RuleCompiler.Compile(result.Rules);
    }

    [Test]
    public void RoundTrip_WarrantyOffer_FiresTouchProposalsAndChainsSignal()
    {
        var session = CompileOffers().CreateSession();
        session.InsertAll(Facts(warrantyEnds: Today.PlusDays(45)));
        session.Fire();

        var proposals = session.Query<TouchProposal>().OrderBy(p => p.RuleId, System.StringComparer.Ordinal).ToArray();
        proposals.Select(p => p.RuleId).Should().Equal("follow-up-on-offer", "warranty-ending-offer");
        var offer = proposals[1];
        offer.Kind.Should().Be(TouchKind.Offer);
        offer.Class.Should().Be(TouchClass.Marketing);
        offer.CustomerId.Should().Be("C1");
        offer.Vin.Should().Be(Vin);
        offer.Channel.Should().Be(ContactChannel.Email);
        offer.DueOn.Should().Be(Today.PlusDays(1));
        offer.PreferredTime.Should().Be(new LocalTime(10, 0));
        offer.ExpiresOn.Should().Be(Today.PlusDays(45));
        offer.Priority.Should().Be(10);
        offer.Personalisation.Should().Equal(new System.Collections.Generic.Dictionary<string, string> { ["model"] = "Accord", ["daysLeft"] = "45" });
        offer.Reason.Should().Be("Factory warranty ends in 45 days");
        offer.Evidence.Should().ContainKey("daysLeft").WhoseValue.Should().Be("45");
        offer.MatchedFacts.Should().NotContain(f => f is EvaluationContext).And.Contain(f => f is HostVehicle);
        proposals[0].DueOn.Should().Be(Today.PlusDays(7));
        session.Query<Signal>().Should().ContainSingle().Which.Values["days"].Should().Be("45");
    }

    [Test]
    public void RoundTrip_WarrantyOutsideWindowOrContractPresent_ProposesNothing()
    {
        var rules = CompileOffers();

        var far = rules.CreateSession();
        far.InsertAll(Facts(warrantyEnds: Today.PlusDays(90)));
        far.Fire();
        far.Query<TouchProposal>().Should().BeEmpty();

        var covered = rules.CreateSession();
        covered.InsertAll(Facts(warrantyEnds: Today.PlusDays(45)));
        covered.Insert(new HostContract("X1", Vin));
        covered.Fire();
        covered.Query<TouchProposal>().Should().BeEmpty();
    }

    [Test]
    public void RoundTrip_OutsideEffectiveDates_ProposesNothing()
    {
        var session = CompileOffers().CreateSession();
        var later = new LocalDate(2028, 3, 2);
        session.InsertAll(Facts(warrantyEnds: later.PlusDays(45), today: later));
        session.Fire();

        session.Query<TouchProposal>().Should().BeEmpty();
    }

    private const string Vin = "1HGCM82633A004352";

    private static object[] Facts(LocalDate warrantyEnds, LocalDate? today = null) =>
    [
        new EvaluationContext((today ?? Today).At(new LocalTime(8, 0)).InUtc().ToInstant(), DateTimeZone.Utc),
        new Customer { CustomerId = "C1", FirstName = "Ada", LastName = "Lovelace", TimeZoneId = "Europe/London" },
        new HostVehicle(Vin, "C1", true, "Accord"),
        new HostWarranty(Vin, warrantyEnds),
    ];

    public sealed record HostVehicle(string Vin, string OwnerCustomerId, bool IsOwned, string Model);

    public sealed record HostWarranty(string Vin, LocalDate EndDate);

    public sealed record HostContract(string ContractId, string Vin);
}
