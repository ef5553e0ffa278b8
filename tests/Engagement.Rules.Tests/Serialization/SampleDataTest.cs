using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Facts;
using Engagement.Rules.SampleData;
using Engagement.Rules.Serialization;
using NodaTime;

namespace Engagement.Rules.Tests.Serialization;

public class SampleDataTest
{
    private static readonly string Directory = RepositoryFiles.PathOf("samples", "data");

    [Test]
    public void CommittedData_Loads_WithoutAnyError()
    {
        var errors = new List<FactsFormatException>();
        using var settings = File.OpenRead(Path.Combine(Directory, "dealership.json"));
        var reader = new FactsReader(EngagementJson.ReadDealerships(settings));
        using var lines = File.OpenText(Path.Combine(Directory, "customers.jsonl"));

        var customers = reader.ReadCustomerFactsLines(lines, errors.Add).ToList();

        errors.Should().BeEmpty();
        customers.Should().HaveCount(SampleDataGenerator.CustomerCount);
        customers.Select(c => c.Customer.CustomerId).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Generator_Regenerated_GivesTheCommittedBytes()
    {
        File.ReadAllBytes(Path.Combine(Directory, "dealership.json")).Should().Equal(SampleDataGenerator.DealershipsJson());
        File.ReadAllBytes(Path.Combine(Directory, "customers.jsonl")).Should().Equal(new SampleDataGenerator().CustomersJsonLines(), "the generator is deterministic: run `dotnet run --project samples/Engagement.Rules.SampleData` and commit samples/data after changing it");
    }

    [Test]
    public void Generator_Set_HasTheCasesTheReadmePromises()
    {
        var customers = new SampleDataGenerator().Generate().ToList();
        var facts = customers.SelectMany(c => c.Facts).ToList();
        var today = SampleDataGenerator.ReferenceDate;

        customers.Select(c => c.Dealership.TimeZoneId).Distinct().Should().HaveCount(5);
        customers.Select(c => c.Dealership.Jurisdiction.Code).Distinct().Should().BeEquivalentTo("US-TX", "US-CA", "US-NY", "CA-ON", "CA-QC", "CA-BC");
        customers.Should().Contain(c => !c.Customer.IsTimeZoneKnown, "a few customers have a zone id the TZDB does not know");
        customers.Should().Contain(c => c.Customer.IsTimeZoneKnown && c.Customer.TimeZoneId != c.Dealership.TimeZoneId);
        customers.Should().Contain(c => c.Customer.BirthDate != null && c.Customer.BirthDate.MonthDay == new AnnualDate(2, 29));
        facts.OfType<Vehicle>().Should().Contain(v => !v.Vin.IsNorthAmerican).And.Contain(v => v.Vin.IsNorthAmerican);
        facts.OfType<RepairOrder>().Should().Contain(r => r.IsOpen);
        facts.OfType<RecallCampaign>().Should().Contain(r => r.Disposition == RecallDisposition.Open);
        facts.OfType<Complaint>().Should().Contain(c => c.IsOpen);
        facts.OfType<FactoryWarranty>().Should().Contain(w => w.EndDate >= today.PlusDays(30) && w.EndDate <= today.PlusDays(90));
        facts.OfType<LeaseContract>().Should().Contain(l => l.EndDate > today && l.EndDate <= today.PlusDays(120));
        facts.OfType<FinanceContract>().Should().Contain(f => f.MaturityDate > today && f.MaturityDate <= today.PlusDays(90));
        facts.OfType<Referral>().Should().Contain(r => r.Status == ReferralStatus.Purchased).And.Contain(r => r.Status == ReferralStatus.Recorded);
        facts.OfType<OwnerEvent>().Should().Contain(e => e.IsFull);
        facts.OfType<TemperatureForecast>().Should().Contain(f => f.LowCelsius < 5m);
        facts.OfType<TouchSent>().Should().Contain(t => t.Class == Decisions.TouchClass.Marketing && t.SentAt >= today.PlusDays(-7).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
        customers.SelectMany(c => c.Customer.Consents).Should().Contain(c => c.Status == ConsentStatus.Withdrawn)
            .And.Contain(c => c.Basis == ConsentBasis.ImpliedByPurchase && c.At < today.PlusYears(-2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
        facts.OfType<HouseholdChange>().Should().NotBeEmpty();
        facts.OfType<EventRegistration>().Should().NotBeEmpty();
    }
}
