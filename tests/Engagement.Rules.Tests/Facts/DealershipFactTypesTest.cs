using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed class DealershipFactTypesTest
{
    [Test]
    public void All_EveryTypeIsASealedFactWithIdentity()
    {
        foreach (var type in DealershipFactTypes.All)
        {
            type.IsSealed.Should().BeTrue(type.Name);
            typeof(IFactIdentity).IsAssignableFrom(type).Should().BeTrue(type.Name);
            type.Namespace.Should().Be("Engagement.Rules.Facts");
        }
    }

    [Test]
    public void All_NamesUnique()
    {
        DealershipFactTypes.All.Select(t => t.Name).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void All_MatchesSamples()
    {
        DealershipFactTypes.All.Should().BeEquivalentTo(SampleFacts.All().Select(f => f.GetType()), o => o.WithStrictOrdering());
    }

    [Test]
    public void FactIdentity_StableAcrossWithCopiesAndStartsWithTypeName()
    {
        foreach (var fact in SampleFacts.All().Cast<IFactIdentity>())
        {
            var identity = fact.FactIdentity;
            var tuple = (System.Runtime.CompilerServices.ITuple)identity;

            tuple[0].Should().Be(fact.GetType().Name);
            CopyOf(fact).FactIdentity.Should().Be(identity, fact.GetType().Name);
        }
    }

    [Test]
    public void FactIdentity_DistinctAcrossSamples()
    {
        SampleFacts.All().Cast<IFactIdentity>().Select(f => f.FactIdentity).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void FactIdentity_WithANewKey_FollowsTheKey()
    {
        // Each fact keeps its identity from the moment its keys are set: a 'with' that changes a key must give the
        // identity of the new key, and one that changes anything else the same identity.
        var other = Vin.Parse("1FTFW1ET9DFC10312");
        var day = new NodaTime.LocalDate(2026, 4, 1);
        var cases = new (IFactIdentity Fact, object Expected)[]
        {
            (SampleFacts.Customer() with { CustomerId = "C-9" }, ("Customer", "C-9")),
            (SampleFacts.Dealership() with { DealershipId = "D-9" }, ("Dealership", "D-9")),
            (SampleFacts.Vehicle() with { Vin = other }, ("Vehicle", other.Value)),
            (SampleFacts.FactoryWarranty() with { Vin = other }, ("FactoryWarranty", other.Value)),
            (SampleFacts.ExtendedServiceContract() with { ContractId = "ESC-9" }, ("ExtendedServiceContract", "ESC-9")),
            (SampleFacts.LeaseContract() with { Vin = other }, ("LeaseContract", other.Value)),
            (SampleFacts.FinanceContract() with { Vin = other }, ("FinanceContract", other.Value)),
            (SampleFacts.GapCoverage() with { Vin = other }, ("GapCoverage", other.Value)),
            (SampleFacts.MaintenancePlan() with { Vin = other }, ("MaintenancePlan", other.Value)),
            (SampleFacts.RepairOrder() with { RepairOrderId = "RO-9" }, ("RepairOrder", "RO-9")),
            (SampleFacts.RecommendedWork() with { Id = "RW-9" }, ("RecommendedWork", "RW-9")),
            (SampleFacts.Appointment() with { Id = "AP-9" }, ("Appointment", "AP-9")),
            (SampleFacts.RecallCampaign() with { CampaignNumber = "99V999" }, ("RecallCampaign", "99V999", SampleFacts.Vin.Value)),
            (SampleFacts.RecallCampaign() with { Vin = other }, ("RecallCampaign", SampleFacts.RecallCampaign().CampaignNumber, other.Value)),
            (SampleFacts.Complaint() with { Id = "CP-9" }, ("Complaint", "CP-9")),
            (SampleFacts.SatisfactionScore() with { CustomerId = "C-9" }, ("SatisfactionScore", "C-9", "nps", new NodaTime.LocalDate(2026, 3, 3))),
            (SampleFacts.SatisfactionScore() with { Source = "survey" }, ("SatisfactionScore", "C-1", "survey", new NodaTime.LocalDate(2026, 3, 3))),
            (SampleFacts.SatisfactionScore() with { On = day }, ("SatisfactionScore", "C-1", "nps", day)),
            (SampleFacts.Referral() with { ReferralId = "RF-9" }, ("Referral", "RF-9")),
            (SampleFacts.OwnerEvent() with { EventId = "EV-9" }, ("OwnerEvent", "EV-9")),
            (SampleFacts.EventRegistration() with { EventId = "EV-9" }, ("EventRegistration", "EV-9", "C-1")),
            (SampleFacts.EventRegistration() with { CustomerId = "C-9" }, ("EventRegistration", "EV-1", "C-9")),
            (SampleFacts.TemperatureForecast() with { RegionCode = "US-WI" }, ("TemperatureForecast", "US-WI", new NodaTime.LocalDate(2026, 11, 20))),
            (SampleFacts.TemperatureForecast() with { Date = day }, ("TemperatureForecast", "US-MN", day)),
            (SampleFacts.RegionClimate() with { RegionCode = "US-AZ" }, ("RegionClimate", "US-AZ")),
            (SampleFacts.TouchSent() with { TouchId = "T-9" }, ("TouchSent", "T-9")),
            (SampleFacts.HouseholdChange() with { CustomerId = "C-9" }, ("HouseholdChange", "C-9", LifeEventKind.Moved, new NodaTime.LocalDate(2026, 1, 5))),
            (SampleFacts.HouseholdChange() with { Kind = LifeEventKind.Married }, ("HouseholdChange", "C-1", LifeEventKind.Married, new NodaTime.LocalDate(2026, 1, 5))),
            (SampleFacts.HouseholdChange() with { On = day }, ("HouseholdChange", "C-1", LifeEventKind.Moved, day)),
        };

        cases.Select(c => c.Fact.GetType()).Distinct().Should().BeEquivalentTo(DealershipFactTypes.All, "every fact type is covered");
        foreach (var (fact, expected) in cases)
        {
            fact.FactIdentity.Should().Be(expected, fact.GetType().Name);
        }

        (SampleFacts.RepairOrder() with { Mileage = 1 }).FactIdentity.Should().Be(SampleFacts.RepairOrder().FactIdentity);
        SampleFacts.SatisfactionScore().Should().Be(SampleFacts.SatisfactionScore(), "equal facts stay equal");
        (SampleFacts.SatisfactionScore() with { On = day }).Should().NotBe(SampleFacts.SatisfactionScore());
    }

    // A 'with' copy through the compiler-generated clone, as the engine would see a new version.
    private static IFactIdentity CopyOf(IFactIdentity fact)
    {
        var clone = fact.GetType().GetMethod("<Clone>$")!;
        return (IFactIdentity)clone.Invoke(fact, null)!;
    }
}
