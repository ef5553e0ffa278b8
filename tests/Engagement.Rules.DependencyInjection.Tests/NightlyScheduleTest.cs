using System.Linq;
using Engagement.Rules.Facts;
using Engagement.Rules.WorkerSample;
using NodaTime;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed class NightlyScheduleTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Test]
    public void Next_BeforeTwoLocal_IsTwoTheSameNight()
    {
        var after = new LocalDateTime(2026, 11, 24, 1, 30).InZoneStrictly(NewYork).ToInstant();

        NightlySchedule.Next(after, NewYork).InZone(NewYork).LocalDateTime.Should().Be(new LocalDateTime(2026, 11, 24, 2, 0));
    }

    [Test]
    public void Next_AtOrAfterTwoLocal_IsTwoTheNextNight()
    {
        var at = new LocalDateTime(2026, 11, 24, 2, 0).InZoneStrictly(NewYork).ToInstant();

        NightlySchedule.Next(at, NewYork).InZone(NewYork).LocalDateTime.Should().Be(new LocalDateTime(2026, 11, 25, 2, 0));
    }

    [Test]
    public void Next_SpringForwardNight_RunsRightAfterTheGap()
    {
        var evening = new LocalDateTime(2027, 3, 13, 22, 0).InZoneStrictly(NewYork).ToInstant();

        var next = NightlySchedule.Next(evening, NewYork);

        next.InZone(NewYork).LocalDateTime.Should().Be(new LocalDateTime(2027, 3, 14, 3, 0), "02:00 does not exist that night");
    }

    [Test]
    public void Next_FallBackNightWithTwoTwos_RunsOnceAtTheFirst()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var evening = new LocalDateTime(2026, 10, 24, 22, 0).InZoneStrictly(berlin).ToInstant();

        var next = NightlySchedule.Next(evening, berlin);
        var after = NightlySchedule.Next(next, berlin);

        next.Should().Be(Instant.FromUtc(2026, 10, 25, 0, 0), "02:00 happens twice that night (CEST, then CET); the first is taken");
        after.Should().Be(Instant.FromUtc(2026, 10, 26, 1, 0), "the repeated 02:00 CET the same night is not a second run");
    }

    [Test]
    public void NextRun_SeveralZones_PicksTheEarliestDealerships()
    {
        var dealerships = new[] { Dealer("D-NY", "America/New_York"), Dealer("D-ON", "America/Toronto"), Dealer("D-CA", "America/Los_Angeles") };
        var after = Instant.FromUtc(2026, 11, 24, 12, 0);

        var (at, due) = NightlySchedule.NextRun(after, dealerships);

        at.Should().Be(Instant.FromUtc(2026, 11, 25, 7, 0));
        due.Select(d => d.DealershipId).Should().Equal("D-NY", "D-ON");
    }

    private static Dealership Dealer(string id, string zone) => new() { DealershipId = id, Name = id, TimeZoneId = zone, Jurisdiction = new Jurisdiction("US", "NY") };
}
