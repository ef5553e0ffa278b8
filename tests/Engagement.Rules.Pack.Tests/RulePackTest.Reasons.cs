using System.IO;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using Engagement.Rules.Yaml;
using NodaTime;

namespace Engagement.Rules.Pack.Tests;

/// <summary>The pack's reasons read as text for people: numbers rounded, no .NET renderings.</summary>
public sealed partial class RulePackTest
{
    [Test]
    public void ServiceDueByMileage_Reason_ShowsTheProjectedMileageAsAWholeNumber()
    {
        var result = new RuleFileLoader().Load([Path.Combine(PackFiles.RulesFolder, "service.yaml")]);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = RuleCompiler.Compile(result.Rules).CreateSession();
        var chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];
        var vin = Vin.Parse("1HGCM82640A000001");
        session.Insert(new EvaluationContext(Instant.FromUtc(2026, 3, 10, 15, 0), chicago));
        session.Insert(new Customer { CustomerId = "C-1", FirstName = "Dana", LastName = "Reyes", TimeZoneId = "America/Chicago" });
        session.Insert(new Vehicle
        {
            Vin = vin,
            OwnerCustomerId = "C-1",
            Make = "Honda",
            Model = "Accord",
            ModelYear = 2023,
            OdometerReadings = [new OdometerReading(new LocalDate(2025, 9, 10), 18000), new OdometerReading(new LocalDate(2026, 1, 10), 22000)],
        });
        session.Insert(new RepairOrder { RepairOrderId = "RO-1", Vin = vin, CustomerId = "C-1", OpenedOn = new LocalDate(2025, 11, 10), ClosedOn = new LocalDate(2025, 11, 10), Mileage = 18500 });

        session.Fire();

        session.Query<TouchProposal>().Where(p => p.Topic == "service.maintenance-due-mileage").Should().ContainSingle()
            .Which.Reason.Should().Be("About 23934 on the odometer, 5,000 miles (8,000 km) or more since the last service at 18500");
    }
}
