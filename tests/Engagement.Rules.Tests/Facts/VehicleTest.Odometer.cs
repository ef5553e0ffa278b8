using System.Linq;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class VehicleTest
{
    private static Vehicle WithReadings(params OdometerReading[] readings) => SampleFacts.Vehicle() with { OdometerReadings = readings };

    private static OdometerReading Reading(int year, int month, int day, int value) => new(new LocalDate(year, month, day), value);

    [Test]
    public void OdometerReadings_Unsorted_SortedByDate()
    {
        var vehicle = WithReadings(Reading(2025, 6, 1, 12000), Reading(2024, 6, 1, 1000));

        vehicle.OdometerReadings.Select(r => r.Value).Should().Equal(1000, 12000);
        vehicle.LatestOdometer.Should().Be(Reading(2025, 6, 1, 12000));
    }

    [Test]
    public void OdometerReadings_GoingBackwards_Throws()
    {
        var act = () => WithReadings(Reading(2024, 6, 1, 10000), Reading(2025, 6, 1, 9000));

        var exception = act.ShouldFailValidation("Vehicle", "OdometerReadings", "9000 on 2025-06-01");
        exception.Message.Should().Contain("backwards from 10000 on 2024-06-01");
    }

    [Test]
    public void OdometerReading_NegativeValue_Throws()
    {
        var act = () => Reading(2024, 6, 1, -5);

        act.ShouldFailValidation("OdometerReading", "Value", "-5");
    }

    [Test]
    public void OdometerReadings_SameDayEqualValues_Allowed()
    {
        WithReadings(Reading(2024, 6, 1, 100), Reading(2024, 6, 1, 100)).OdometerReadings.Should().HaveCount(2);
    }

    [Test]
    public void ProjectOdometer_NoReadings_Null()
    {
        SampleFacts.Vehicle().ProjectOdometer(new LocalDate(2026, 1, 1)).Should().BeNull();
        SampleFacts.Vehicle().AverageDailyDistance.Should().BeNull();
    }

    [Test]
    public void ProjectOdometer_OneReading_OnItsDayKnownElsewhereNull()
    {
        var vehicle = WithReadings(Reading(2025, 1, 1, 5000));

        vehicle.ProjectOdometer(new LocalDate(2025, 1, 1)).Should().Be(5000);
        vehicle.ProjectOdometer(new LocalDate(2025, 6, 1)).Should().BeNull();
    }

    [Test]
    public void ProjectOdometer_AfterLatest_ExtrapolatesAverageDailyDistance()
    {
        // 36,500 miles over 365 days: 100 a day; 30 days after the latest reading adds 3,000.
        var vehicle = WithReadings(Reading(2025, 1, 1, 1000), Reading(2025, 7, 1, 19100), Reading(2026, 1, 1, 37500));

        vehicle.AverageDailyDistance.Should().Be(100d);
        vehicle.ProjectOdometer(new LocalDate(2026, 1, 31)).Should().Be(40500);
    }

    [Test]
    public void ProjectOdometer_BetweenReadings_Interpolates()
    {
        var vehicle = WithReadings(Reading(2025, 1, 1, 1000), Reading(2025, 1, 11, 2000), Reading(2026, 1, 1, 3000));

        vehicle.ProjectOdometer(new LocalDate(2025, 1, 6)).Should().Be(1500);
        vehicle.ProjectOdometer(new LocalDate(2025, 1, 11)).Should().Be(2000);
    }

    [Test]
    public void ProjectOdometer_BeforeFirst_ExtrapolatesBackwardsNotBelowZero()
    {
        var vehicle = WithReadings(Reading(2025, 1, 11, 1000), Reading(2025, 1, 21, 2000));

        vehicle.ProjectOdometer(new LocalDate(2025, 1, 6)).Should().Be(500);
        vehicle.ProjectOdometer(new LocalDate(2024, 1, 1)).Should().Be(0);
    }

    [Test]
    public void AverageDailyDistance_SameDayReadings_Null()
    {
        WithReadings(Reading(2025, 1, 1, 1000), Reading(2025, 1, 1, 1200)).AverageDailyDistance.Should().BeNull();
    }

    [Test]
    public void AverageDailyDistance_With_FollowsTheReadings()
    {
        // The average is kept with the vehicle: a copy with other readings must get their average, not the original's.
        var vehicle = WithReadings(Reading(2025, 1, 1, 1000), Reading(2025, 1, 11, 2000));

        vehicle.AverageDailyDistance.Should().Be(100d);
        (vehicle with { Make = "Other" }).AverageDailyDistance.Should().Be(100d);
        (vehicle with { OdometerReadings = [Reading(2025, 1, 1, 1000), Reading(2025, 1, 5, 1100)] }).AverageDailyDistance.Should().Be(25d);
        (vehicle with { OdometerReadings = [Reading(2025, 1, 1, 1000)] }).AverageDailyDistance.Should().BeNull();
        (vehicle with { OdometerReadings = [] }).AverageDailyDistance.Should().BeNull();
        vehicle.ProjectOdometer(new LocalDate(2025, 1, 21)).Should().Be(3000);
        (vehicle with { OdometerReadings = [Reading(2025, 1, 1, 1000), Reading(2025, 1, 11, 1500)] }).ProjectOdometer(new LocalDate(2025, 1, 21)).Should().Be(2000);
    }
}
