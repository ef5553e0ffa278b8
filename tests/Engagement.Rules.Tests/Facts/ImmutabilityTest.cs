using System.Collections.Generic;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

/// <summary>Facts copy the lists they are given, so the caller cannot change a fact afterwards.</summary>
public sealed class ImmutabilityTest
{
    [Test]
    public void RepairOrder_OperationsListChangedLater_FactUnchanged()
    {
        var operations = new List<string> { "OIL-CHG" };
        var order = SampleFacts.RepairOrder() with { Operations = operations };

        operations.Add("TIRE-ROT");

        order.Operations.Should().Equal("OIL-CHG");
    }

    [Test]
    public void Customer_ConsentsListChangedLater_FactUnchanged()
    {
        var consents = new List<ConsentRecord>();
        var customer = SampleFacts.Customer() with { Consents = consents };

        consents.Add(new ConsentRecord { Channel = ContactChannel.Sms, Purpose = ConsentPurpose.Marketing, Status = ConsentStatus.Granted, At = SampleFacts.Moment, Basis = ConsentBasis.Express });

        customer.Consents.Should().BeEmpty();
    }

    [Test]
    public void Vehicle_ReadingsArrayChangedLater_FactUnchanged()
    {
        var readings = new[] { new OdometerReading(new LocalDate(2025, 1, 1), 100) };
        var vehicle = SampleFacts.Vehicle() with { OdometerReadings = readings };

        readings[0] = new OdometerReading(new LocalDate(2025, 1, 1), 999);

        vehicle.LatestOdometer!.Value.Should().Be(100);
        vehicle.OdometerReadings.Should().NotBeAssignableTo<OdometerReading[]>();
    }

    [Test]
    public void BusinessHours_ListChangedLater_Unchanged()
    {
        var days = new List<OpeningHours> { new(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(17, 0)) };
        var hours = new BusinessHours(days);

        days.Clear();

        hours.Days.Should().ContainSingle();
    }
}
