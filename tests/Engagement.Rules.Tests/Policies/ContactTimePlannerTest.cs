using System;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies.Pipeline;
using Engagement.Rules.Policies;
using NodaTime;

namespace Engagement.Rules.Tests.Policies;

public sealed class ContactTimePlannerTest
{
    private static readonly string[] ZoneIds =
    [
        "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/Berlin", "Europe/London",
        "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "Asia/Tehran",
    ];

    [Test]
    public void Plan_RandomInstantsAndZones_LandsInsideTheWindowAtTheEarliestAllowedMinute()
    {
        var options = PolicyOptions.Default with
        {
            QuietHours = new QuietHoursOptions { BlackoutDays = [IsoDayOfWeek.Sunday] },
        };
        var rules = new EffectiveJurisdiction("US", "TX", options);
        var random = new Random(20260610);
        for (var i = 0; i < 300; i++)
        {
            var zone = DateTimeZoneProviders.Tzdb[ZoneIds[random.Next(ZoneIds.Length)]];
            var due = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(random.Next(0, 365 * 24 * 60));

            var plan = ContactTimePlanner.Plan(due, ContactChannel.Sms, blackoutApplies: true, [zone], rules, 30);

            var at = plan.At!.Value;
            at.Should().BeGreaterThanOrEqualTo(due);
            Allowed(at, zone, rules).Should().BeTrue($"{at} in {zone.Id} must be allowed");
            if (at > due)
            {
                // Nothing earlier (to the minute) was allowed: the touch is held exactly as long as needed.
                var minutes = (int)Math.Min((at - due).TotalMinutes, 36 * 60);
                Enumerable.Range(0, minutes).Select(m => due + Duration.FromMinutes(m))
                    .Where(t => t < at - Duration.FromMinutes(1))
                    .Should().NotContain(t => Allowed(t, zone, rules), $"nothing before {at} in {zone.Id} may be allowed (due {due})");
                plan.Causes.Should().NotBeEmpty();
            }
        }
    }

    [Test]
    public void Plan_EveryDayBlackedOut_GivesNoTimeWithinTheHorizon()
    {
        var table = JurisdictionRuleTable.Default.With(new JurisdictionRule
        {
            Code = "US",
            BlackoutDays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday],
        });
        var rules = new EffectiveJurisdiction("US", null, PolicyOptions.Default with { Jurisdictions = table });

        var plan = ContactTimePlanner.Plan(Instant.FromUtc(2026, 6, 1, 12, 0), ContactChannel.Email, true, [DateTimeZone.Utc], rules, 10);

        plan.At.Should().BeNull();
        plan.Causes.Should().OnlyContain(c => c.StartsWith("blackout day", StringComparison.Ordinal));
    }

    private static bool Allowed(Instant instant, DateTimeZone zone, EffectiveJurisdiction rules)
    {
        var local = instant.InZone(zone).LocalDateTime;
        if (rules.Blackout(local.Date) is not null)
        {
            return false;
        }

        var window = rules.Window(ContactChannel.Sms, local.Date.DayOfWeek);
        return window is null || (local.TimeOfDay >= window.Start && local.TimeOfDay < window.End);
    }
}
