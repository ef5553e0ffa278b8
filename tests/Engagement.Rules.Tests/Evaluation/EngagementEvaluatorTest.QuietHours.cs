using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies.Pipeline;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Test]
    public void Evaluate_TextInTheEvening_IsHeldToEightNextMorning()
    {
        var evening = new LocalDateTime(2026, 6, 10, 21, 40).InZoneStrictly(NewYork).ToInstant();
        var facts = FactsOf(Customer(preferred: [ContactChannel.Sms]), null, Vehicle());

        var decision = Single(Evaluate(Proposal("offer"), facts, at: evening));

        decision.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 11, 8, 0));
        decision.DueLocal.Zone.Should().Be(NewYork);
        Steps(decision).Should().Contain("held from 2026-06-10 21:40 to 2026-06-11 08:00 (America/New_York) by quiet hours (Sms 08:00-21:00 (default, US))");
    }

    [Test]
    public void Evaluate_EmailInTheEvening_IsNotHeld()
    {
        var evening = new LocalDateTime(2026, 6, 10, 21, 40).InZoneStrictly(NewYork).ToInstant();

        Single(Evaluate(Proposal("offer"), at: evening)).DueAt.Should().Be(evening);
    }

    [Test]
    public void Evaluate_TextInTexasBeforeNine_IsHeldByTheStricterStateWindow()
    {
        var customer = Customer(zone: "America/Chicago", region: "TX", preferred: [ContactChannel.Sms]);

        var decision = Single(Evaluate(Proposal("offer", due: Today.PlusDays(1), time: new LocalTime(8, 30)), FactsOf(customer, null, Vehicle())));

        decision.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 11, 9, 0));
        Steps(decision).Should().Contain("quiet hours (Sms 09:00-21:00 (default, US, US-TX))");
    }

    [Test]
    public void Evaluate_CustomerInAnotherZoneThanTheDealership_UsesTheCustomersLocalTime()
    {
        // 07:00 in Los Angeles is 10:00 at the New York dealership: the customer's clock decides.
        var customer = Customer(zone: "America/Los_Angeles", region: "CA", preferred: [ContactChannel.Sms]);
        var facts = FactsOf(customer, Dealership(), Vehicle());

        var early = Single(Evaluate(Proposal("offer", time: new LocalTime(7, 30)), facts));
        var usual = Single(Evaluate(Proposal("offer"), facts));

        early.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 10, 8, 0));
        early.DueAt.Should().Be(Instant.FromUtc(2026, 6, 10, 15, 0));
        usual.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 10, 10, 0), "the default send time is in the customer's zone");
        usual.DueLocal.Zone.Id.Should().Be("America/Los_Angeles");
    }

    [Test]
    public void Evaluate_EmailInTheSpringForwardGap_MovesForwardByTheGap()
    {
        var before = Instant.FromUtc(2026, 3, 7, 17, 0);

        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 3, 8), time: new LocalTime(2, 30)), at: before));

        decision.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 8, 3, 30));
        decision.DueAt.Should().Be(Instant.FromUtc(2026, 3, 8, 7, 30));
        Steps(decision).Should().Contain("2026-03-08 02:30 does not exist in America/New_York (daylight-saving gap): moved to 2026-03-08 03:30");
    }

    [Test]
    public void Evaluate_CandidatesAtDifferentLocalTimes_EachGetsItsOwnInstant()
    {
        // The zone's answer for a local time is reused by the next candidate only when that one is due at the
        // same local time: a gap time, a normal time and the gap time again must each come out right.
        var before = Instant.FromUtc(2026, 3, 7, 17, 0);
        var gapDay = new LocalDate(2026, 3, 8);
        var options = RoomyDays with { Frequency = new FrequencyOptions { Caps = [], TopicCooldown = Duration.Zero } };

        var result = Evaluate(
            [
                Proposal("a", topic: "offer.a", due: gapDay, time: new LocalTime(2, 30)),
                Proposal("b", topic: "offer.b", due: gapDay, time: new LocalTime(11, 0)),
                Proposal("c", topic: "offer.c", due: gapDay, time: new LocalTime(2, 30)),
                Proposal("d", topic: "offer.d", due: gapDay.PlusDays(1), time: new LocalTime(2, 30)),
            ],
            options: options,
            at: before);

        var byRule = result.Decisions.ToDictionary(d => d.RuleId);
        byRule.Keys.Should().BeEquivalentTo("a", "b", "c", "d");
        byRule["a"].DueAt.Should().Be(Instant.FromUtc(2026, 3, 8, 7, 30));
        byRule["c"].DueAt.Should().Be(Instant.FromUtc(2026, 3, 8, 7, 30));
        byRule["b"].DueAt.Should().Be(Instant.FromUtc(2026, 3, 8, 15, 0));
        byRule["d"].DueAt.Should().Be(Instant.FromUtc(2026, 3, 9, 6, 30));
        Steps(byRule["a"]).Should().Contain("2026-03-08 02:30 does not exist");
        Steps(byRule["c"]).Should().Contain("2026-03-08 02:30 does not exist");
        Steps(byRule["b"]).Should().NotContain("does not exist");
        Steps(byRule["d"]).Should().NotContain("does not exist");
    }

    [Test]
    public void Evaluate_TextHeldAcrossSpringForward_LandsAtEightDaylightTime()
    {
        var lateSaturday = new LocalDateTime(2026, 3, 7, 22, 0).InZoneStrictly(NewYork).ToInstant();
        var facts = FactsOf(Customer(preferred: [ContactChannel.Sms]), null, Vehicle());

        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 3, 7)), facts, at: lateSaturday));

        decision.DueAt.Should().Be(Instant.FromUtc(2026, 3, 8, 12, 0), "08:00 EDT is UTC-4");
    }

    [Test]
    public void Evaluate_EmailInTheFallBackOverlap_TakesTheEarlierOffset()
    {
        var before = Instant.FromUtc(2026, 10, 31, 17, 0);

        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 11, 1), time: new LocalTime(1, 30)), at: before));

        decision.DueAt.Should().Be(Instant.FromUtc(2026, 11, 1, 5, 30), "01:30 EDT (UTC-4) comes before 01:30 EST");
        decision.DueLocal.Offset.Should().Be(Offset.FromHours(-4));
    }

    [Test]
    public void Evaluate_BerlinGapAndOverlap_AreResolvedForwardAndEarlier()
    {
        var customer = Customer(zone: "Europe/Berlin", country: "DE", region: null);
        var facts = FactsOf(customer, Dealership("Europe/Berlin", "DE", null), Vehicle());

        var gap = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 3, 29), time: new LocalTime(2, 30)), facts, at: Instant.FromUtc(2026, 3, 28, 12, 0)));
        var overlap = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 10, 25), time: new LocalTime(2, 30)), facts, at: Instant.FromUtc(2026, 10, 24, 12, 0)));

        gap.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 29, 3, 30));
        gap.DueAt.Should().Be(Instant.FromUtc(2026, 3, 29, 1, 30));
        overlap.DueAt.Should().Be(Instant.FromUtc(2026, 10, 25, 0, 30), "02:30 CEST (UTC+2) is the earlier of the two");
        overlap.DueLocal.Zone.Should().Be(Berlin);
    }

    [Test]
    public void Evaluate_JurisdictionWithoutRules_ReportsItAndAppliesTheDefaults()
    {
        var customer = Customer(zone: "Europe/Berlin", country: "DE", region: null, preferred: [ContactChannel.Sms]);
        var evening = new LocalDateTime(2026, 6, 10, 22, 0).InZoneStrictly(Berlin).ToInstant();

        var result = Evaluate(Proposal("offer"), FactsOf(customer, Dealership("Europe/Berlin", "DE", null), Vehicle()), at: evening);

        result.Diagnostics.Should().ContainSingle(d => d.Code == EngagementDiagnosticCode.UnknownJurisdiction);
        Single(result).DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 11, 8, 0));
    }

    [Test]
    public void Evaluate_UnknownTimeZone_HoldsUntilAllowedInEveryPlausibleZone()
    {
        var customer = Customer(zone: "Mars/Olympus_Mons", preferred: [ContactChannel.Sms]);

        var result = Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle()));

        result.Diagnostics.Should().ContainSingle(d => d.Code == EngagementDiagnosticCode.UnknownCustomerTimeZone);
        var decision = Single(result);
        decision.DueAt.Should().BeGreaterThan(Now, "10:00 in New York is 04:00 in Honolulu");
        decision.DueLocal.Zone.Should().Be(NewYork, "dates fall back to the dealership's zone");
        foreach (var zone in ContactTimePlanner.PlausibleZones("US"))
        {
            var local = decision.DueAt.InZone(zone).TimeOfDay;
            local.Should().BeGreaterThanOrEqualTo(new LocalTime(8, 0), zone.Id);
            local.Should().BeLessThan(new LocalTime(21, 0), zone.Id);
        }

        Steps(decision).Should().Contain("customer zone unknown, checked in");
    }

    [Test]
    public void Evaluate_UnknownTimeZoneWithoutProposals_StillReportsIt()
    {
        // Without a proposal no policy runs: the evaluator's own diagnostics must come out all the same.
        var customer = Customer(zone: "Mars/Olympus_Mons");

        var result = Evaluate(System.Array.Empty<TouchProposal>(), FactsOf(customer, null, Vehicle()));

        result.Diagnostics.Should().ContainSingle(d => d.Code == EngagementDiagnosticCode.UnknownCustomerTimeZone);
        result.Decisions.Should().BeEmpty();
        result.Suppressed.Should().BeEmpty();
        result.HeldOut.Should().BeEmpty();
    }

    /// <summary>A three-hour US text window, which cannot line up across Hawaii and New York.</summary>
    private static JurisdictionRuleTable NarrowUsTextWindow() => JurisdictionRuleTable.Default.With(new JurisdictionRule
    {
        Code = "US",
        ContactWindows = [new ContactWindow(ContactChannel.Sms, new LocalTime(9, 0), new LocalTime(12, 0))],
    });

    [Test]
    public void Evaluate_UnknownTimeZoneWithoutCommonWindow_UsesTheConservativeWindowInTheDealershipZone()
    {
        // A three-hour window cannot line up across Hawaii and New York: the fixed fallback window applies.
        var narrow = NarrowUsTextWindow();
        var customer = Customer(zone: "Unknown/Zone", preferred: [ContactChannel.Sms]);
        var early = new LocalDateTime(2026, 6, 10, 7, 0).InZoneStrictly(NewYork).ToInstant();

        var result = Evaluate(Proposal("offer", time: new LocalTime(7, 0)), FactsOf(customer, null, Vehicle()), PolicyOptionsWith(jurisdictions: narrow), early);

        result.Diagnostics.Select(d => d.Code).Should().Contain(EngagementDiagnosticCode.ConservativeWindowFallback);
        var decision = Single(result);
        decision.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 10, 10, 0), "the fallback 10:00-19:00 intersected with 09:00-12:00");
        Steps(decision).Should().Contain("conservative window for an unknown time zone");
        Steps(decision).Should().Contain(
            $"quiet-hours: customer zone unknown; the {ContactTimePlanner.PlausibleZones("US").Length} plausible zones of US have no common Sms window: "
            + "the conservative window 10:00-19:00 in the dealership's zone America/New_York applies (it may be outside the window in some of those zones)");
        decision.Explanation.Steps.Should().NotContain(step => step.Description.Contains("checked in"), "the plausible zones were not what decided the time");
    }

    [Test]
    public void Evaluate_ConservativeFallbackWithoutAHold_IsStillExplained()
    {
        // 10:00 in New York is inside the fallback window (nothing is held), yet 04:00 in Honolulu: say so.
        var narrow = NarrowUsTextWindow();
        var customer = Customer(zone: "Mars/Olympus", preferred: [ContactChannel.Sms]);

        var decision = Single(Evaluate(Proposal("offer"), FactsOf(customer, null, Vehicle()), PolicyOptionsWith(jurisdictions: narrow)));

        decision.DueAt.Should().Be(Now);
        decision.Explanation.Steps.Should().ContainSingle(step => step.Policy == "quiet-hours")
            .Which.Description.Should().StartWith("customer zone unknown; the ").And.Contain("have no common Sms window");
    }

    [Test]
    public void Evaluate_UnknownZoneInACountryWithoutZones_SaysNoZonesAreKnown()
    {
        var customer = Customer(zone: "Mars/Olympus", country: "XX", region: null, preferred: [ContactChannel.Sms]);

        var result = Evaluate(Proposal("offer"), FactsOf(customer, Dealership(), Vehicle()));

        Steps(Single(result)).Should().Contain(
            "quiet-hours: customer zone unknown and no time zones known for XX: the conservative window 10:00-19:00 in the dealership's zone America/New_York applies");
        var texts = result.Diagnostics.Select(d => d.Message).ToArray();
        texts.Should().Contain(t => t.Contains("no time zones are known for XX, so the conservative contact window applies"));
        texts.Should().Contain(t => t.Contains("no time zones known for XX; the conservative window 10:00-19:00"));
        texts.Should().NotContain(t => t.Contains("0 plausible zones") || t.Contains("every plausible zone of XX"));
    }

    [Test]
    public void Evaluate_EmailAtAnAmbiguousTime_TakesTheFirstAndSaysSo()
    {
        // 2026-11-01 01:30 occurs twice in New York (EDT, then EST); evaluated at 00:00 EDT.
        var midnight = Instant.FromUtc(2026, 11, 1, 4, 0);

        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 11, 1), time: new LocalTime(1, 30)), at: midnight));

        decision.DueAt.Should().Be(Instant.FromUtc(2026, 11, 1, 5, 30));
        Steps(decision).Should().Contain("quiet-hours: 2026-11-01 01:30 occurs twice in America/New_York (fall-back): the first, -04, is used");
    }

    [Test]
    public void Evaluate_AmbiguousTimeWithAHalfHourShift_NamesTheOffset()
    {
        // Lord Howe Island falls back by 30 minutes, from +11 to +10:30: 01:45 on 2026-04-05 occurs twice.
        var customer = Customer(zone: "Australia/Lord_Howe", country: "AU", region: null);
        var before = Instant.FromUtc(2026, 4, 4, 12, 0);

        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 4, 5), time: new LocalTime(1, 45)), FactsOf(customer, null, Vehicle()), at: before));

        decision.DueAt.Should().Be(Instant.FromUtc(2026, 4, 4, 14, 45));
        Steps(decision).Should().Contain("2026-04-05 01:45 occurs twice in Australia/Lord_Howe (fall-back): the first, +11, is used");
    }

    [Test]
    public void Evaluate_AmbiguousTimeWhoseFirstIsPast_IsDueNowWithoutTheNote()
    {
        // 01:45 EDT: the first 01:30 has passed, so the touch is due now; no "first is used" note.
        var at = Instant.FromUtc(2026, 11, 1, 5, 45);

        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 11, 1), time: new LocalTime(1, 30)), at: at));

        decision.DueAt.Should().Be(at);
        Steps(decision).Should().NotContain("occurs twice");
    }

    [Test]
    public void Evaluate_WeekendBlackout_HoldsToMondayButNotSafety()
    {
        var options = PolicyOptionsWith(quietHours: new QuietHoursOptions { BlackoutDays = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday] });
        var fridayNight = new LocalDateTime(2026, 6, 12, 22, 0).InZoneStrictly(NewYork).ToInstant();
        var facts = FactsOf(Customer(preferred: [ContactChannel.Sms]), null, Vehicle());
        var saturday = new LocalDate(2026, 6, 13);

        var result = Evaluate(
            [Proposal("offer", TouchClass.Service, due: saturday), Proposal("recall", TouchClass.Safety, "safety.recall", due: saturday, vin: Vin1)],
            facts,
            options,
            fridayNight);

        var offer = result.Decisions.Single(d => d.RuleId == "offer");
        var recall = result.Decisions.Single(d => d.RuleId == "recall");
        offer.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 15, 8, 0));
        Steps(offer).Should().Contain("blackout day Saturday (default)").And.Contain("Sunday (default)");
        recall.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 13, 10, 0));
    }

    [Test]
    public void Evaluate_JurisdictionHoliday_HoldsToTheNextDay()
    {
        var us = JurisdictionRuleTable.Default.Find("US")! with { Holidays = [new AnnualDate(7, 4)] };
        var options = PolicyOptionsWith(jurisdictions: JurisdictionRuleTable.Default.With(us));

        var decision = Single(Evaluate(Proposal("offer", due: new LocalDate(2026, 7, 4)), options: options));

        decision.DueLocal.Date.Should().Be(new LocalDate(2026, 7, 5));
        Steps(decision).Should().Contain("holiday 07-04 (US)");
    }

    [Test]
    public void Evaluate_DayWithSeveralBlackouts_NamesEachOnceAndOtherDaysPass()
    {
        // Whether a day is blacked out is checked without building its reasons; the reasons are written only for
        // a blacked-out day, every kind once, and a day with none is not held.
        var us = JurisdictionRuleTable.Default.Find("US")! with
        {
            Holidays = [new AnnualDate(7, 4), new AnnualDate(12, 25)],
            BlackoutDates = [new LocalDate(2026, 7, 4), new LocalDate(2026, 7, 9)],
            BlackoutDays = [IsoDayOfWeek.Saturday],
        };
        var options = PolicyOptionsWith(jurisdictions: JurisdictionRuleTable.Default.With(us));
        var before = Instant.FromUtc(2026, 7, 1, 12, 0);

        var result = Evaluate(
            [Proposal("a", topic: "offer.a", due: new LocalDate(2026, 7, 4)), Proposal("b", topic: "offer.b", due: new LocalDate(2026, 7, 8))],
            options: RoomyDays with { Jurisdictions = options.Jurisdictions, Frequency = new FrequencyOptions { Caps = [] } },
            at: before);

        var held = result.Decisions.Single(d => d.RuleId == "a");
        held.DueLocal.Date.Should().Be(new LocalDate(2026, 7, 5), "07-04 is a Saturday, a holiday and a blackout date");
        Steps(held).Should().EndWith(") by blackout day Saturday (US), holiday 07-04 (US), blackout date (US)");
        var free = result.Decisions.Single(d => d.RuleId == "b");
        free.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 7, 8, 10, 0));
        Steps(free).Should().NotContain("blackout");
    }

    [Test]
    public void Evaluate_DueOnAnEarlierDayInTheNightlyRun_IsDueTodayAtTheSendTime()
    {
        // The nightly run at 02:00 local: a touch due (by design) on an earlier day goes at 10:00 today, not at 02:00.
        var night = new LocalDateTime(2026, 6, 10, 2, 0).InZoneStrictly(NewYork).ToInstant();

        var decision = Single(Evaluate(Proposal("offer", due: Today.PlusDays(-14)), at: night));

        decision.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 10, 10, 0));
        Steps(decision).Should().Contain("quiet-hours: due on 2026-05-27, a day already past: due today at the send time, 2026-06-10 10:00");
    }

    [Test]
    public void Evaluate_DueOnAnEarlierDayWithAPreferredTime_IsDueTodayAtThatTime()
    {
        var night = new LocalDateTime(2026, 6, 10, 2, 0).InZoneStrictly(NewYork).ToInstant();

        var decision = Single(Evaluate(Proposal("offer", due: Today.PlusDays(-1), time: new LocalTime(8, 15)), at: night));

        decision.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 10, 8, 15));
    }

    [Test]
    public void Evaluate_DueOnAnEarlierDayAfterTodaysSendTime_IsDueNow()
    {
        var afternoon = new LocalDateTime(2026, 6, 10, 15, 30).InZoneStrictly(NewYork).ToInstant();

        Single(Evaluate(Proposal("offer", due: Today.PlusDays(-3)), at: afternoon)).DueAt.Should().Be(afternoon);
    }

    [Test]
    public void Evaluate_DueEarlierToday_IsDueNowWithoutAPastDayStep()
    {
        var decision = Single(Evaluate(Proposal("offer", time: new LocalTime(7, 0))));

        decision.DueAt.Should().Be(Now);
        decision.Explanation.Steps.Should().NotContain(step => step.Policy == "quiet-hours");
    }

    [Test]
    public void Evaluate_DueOnAnEarlierDayInAnotherZone_UsesTheCustomersToday()
    {
        // 03:00 UTC on 11 June is 11 June in UTC but still 10 June, 20:00, in Los Angeles: "today" is the 10th, and
        // its 10:00 is past, so the touch is due now.
        var at = Instant.FromUtc(2026, 6, 11, 3, 0);
        var customer = Customer(zone: "America/Los_Angeles", region: "CA");

        var decision = Single(Evaluate(Proposal("offer", due: Today.PlusDays(-2)), FactsOf(customer, null, Vehicle()), at: at));

        decision.DueAt.Should().Be(at);
        Steps(decision).Should().Contain("due today at the send time, 2026-06-10 10:00");
    }
}
