using System.Linq;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

public sealed class DealershipTest
{
    private static readonly BusinessHours WeekdaysAndSaturday = new(
    [
        new OpeningHours(IsoDayOfWeek.Saturday, new LocalTime(9, 0), new LocalTime(14, 0)),
        new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(7, 30), new LocalTime(18, 0)),
    ]);

    [Test]
    public void Create_Valid_ResolvesZone()
    {
        var dealership = SampleFacts.Dealership();

        dealership.TimeZone.Should().Be(DateTimeZoneProviders.Tzdb["America/Chicago"]);
        dealership.BusinessHours.Days.Should().BeEmpty();
        dealership.FactIdentity.Should().Be(("Dealership", "D-1"));
    }

    [Test]
    public void TimeZoneId_Unknown_Throws()
    {
        var act = () => SampleFacts.Dealership() with { TimeZoneId = "America/Nowhere" };

        act.ShouldFailValidation("Dealership", "TimeZoneId", "America/Nowhere");
    }

    [Test]
    public void Jurisdiction_Null_Throws()
    {
        var act = () => SampleFacts.Dealership() with { Jurisdiction = null! };

        act.ShouldFailValidation("Dealership", "Jurisdiction", null);
    }

    [Test]
    public void BusinessHours_SortedAndQueried()
    {
        WeekdaysAndSaturday.Days.Select(d => d.Day).Should().Equal(IsoDayOfWeek.Monday, IsoDayOfWeek.Saturday);
        WeekdaysAndSaturday.HoursOn(IsoDayOfWeek.Sunday).Should().BeNull();

        // 24 Nov 2026 is a Tuesday (closed), 23 Nov a Monday.
        WeekdaysAndSaturday.IsOpenAt(new LocalDateTime(2026, 11, 23, 7, 30)).Should().BeTrue();
        WeekdaysAndSaturday.IsOpenAt(new LocalDateTime(2026, 11, 23, 18, 0)).Should().BeFalse();
        WeekdaysAndSaturday.IsOpenAt(new LocalDateTime(2026, 11, 24, 10, 0)).Should().BeFalse();
    }

    [Test]
    public void BusinessHours_DayTwice_Throws()
    {
        var act = () => new BusinessHours(
        [
            new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(12, 0)),
            new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(17, 0)),
        ]);

        act.ShouldFailValidation("BusinessHours", "Days", "Monday");
    }

    [Test]
    public void OpeningHours_ClosesBeforeOpens_Throws()
    {
        var act = () => new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(18, 0), new LocalTime(8, 0));

        act.ShouldFailValidation("OpeningHours", "Closes", "08:00:00");
    }

    [Test]
    public void OpeningHours_ClosesAtMidnight_Throws()
    {
        var act = () => new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(8, 0), LocalTime.Midnight);

        act.ShouldFailValidation("OpeningHours", "Closes", "00:00:00");
    }

    [Test]
    public void OpeningHours_OpensMovedAfterCloses_Throws()
    {
        var hours = new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(12, 0));

        var act = () => hours with { Opens = new LocalTime(13, 0) };

        act.ShouldFailValidation("OpeningHours", "Closes", "12:00:00");
    }

    [Test]
    public void OpeningHours_NotADay_Throws()
    {
        var act = () => new OpeningHours(IsoDayOfWeek.None, new LocalTime(8, 0), new LocalTime(12, 0));

        act.ShouldFailValidation("OpeningHours", "Day", "None");
    }
}
