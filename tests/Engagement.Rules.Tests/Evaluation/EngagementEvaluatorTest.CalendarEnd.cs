using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

// Dates at the end of the calendar (9999-12-31 is the usual "no end date" sentinel of a DMS): they must stop at
// most their own proposal, never the customer's whole evaluation.
public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_ExpiresOnTheLastDayOfTheCalendar_HasNoExpiryAndTheOtherTouchIsDecided()
    {
        var result = Evaluate([Proposal("x1", expires: LocalDate.MaxIsoValue), Proposal("x2", TouchClass.Service)], options: RoomyDays);

        result.Suppressed.Should().BeEmpty();
        result.Decisions.Select(d => d.RuleId).Should().BeEquivalentTo("x1", "x2");
        var open = result.Decisions.Single(d => d.RuleId == "x1");
        open.ExpiresAt.Should().BeNull("no instant follows the end of 9999-12-31");
        Steps(open).Should().Contain("expires 9999-12-31, the last day of the calendar: no expiry");
    }

    [Test]
    public void Evaluate_ExpiresOnTheDayBeforeTheLastOfTheCalendar_ExpiresAtItsEnd()
    {
        var result = Evaluate([Proposal("x1", expires: new LocalDate(9999, 12, 30)), Proposal("x2", TouchClass.Service)], options: RoomyDays);

        result.Decisions.Should().HaveCount(2);
        result.Decisions.Single(d => d.RuleId == "x1").ExpiresAt.Should().Be(Instant.FromUtc(9999, 12, 31, 5, 0), "the end of 9999-12-30 in New York (EST)");
    }

    [TestCase(9999, 12, 31, ContactChannel.Email)]
    [TestCase(9999, 12, 30, ContactChannel.Email)]
    [TestCase(9999, 12, 31, ContactChannel.Sms)]
    [TestCase(9999, 12, 30, ContactChannel.Sms)]
    public void Evaluate_DueAtTheEndOfTheCalendar_StopsOnlyThatProposal(int year, int month, int day, ContactChannel channel)
    {
        var due = new LocalDate(year, month, day);

        var result = Evaluate([Proposal("x1", due: due, channel: channel), Proposal("x2", TouchClass.Service)]);

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("x2");
        var stopped = result.Suppressed.Should().ContainSingle().Subject;
        stopped.Reason.Should().Be(SuppressionReason.InvalidProposal);
        var message = $"rule x1: due {year}-{month}-{day} is out of range: the contact-time search looks up to 60 days past the due day, and the latest due day it can search from is 9999-10-30";
        Steps(stopped).Should().Contain(message);
        result.Diagnostics.Should().ContainSingle(d => d.Code == EngagementDiagnosticCode.InvalidProposal).Which.Message.Should().Be(message);
    }

    [Test]
    public void Evaluate_DueOnTheLatestSearchableDay_IsHeldWithinTheCalendar()
    {
        var latest = new LocalDate(9999, 10, 30);
        var everyDayBlackout = PolicyOptions.Default with { QuietHours = new QuietHoursOptions { BlackoutDays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday] } };

        var decision = Single(Evaluate(Proposal("x1", due: latest, channel: ContactChannel.Sms, time: new LocalTime(22, 0)), options: everyDayBlackout));

        decision.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(9999, 10, 31, 8, 0), "9999-10-30 is a Saturday: held over the night to Sunday 08:00");
    }

    [Test]
    public void Evaluate_DueOnTheFirstDayOfTheCalendar_IsDueTodayAtTheSendTime()
    {
        var facts = FactsOf(Customer(zone: "Pacific/Kiritimati", country: "KI", region: null), null, Vehicle());

        var decision = Single(Evaluate(Proposal("x1", due: LocalDate.MinIsoValue), facts));

        // A due day already past becomes the customer's today at the send time; nothing overflows at the calendar's start.
        decision.DueLocal.Date.Should().Be(Now.InZone(DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]).Date);
        decision.DueLocal.TimeOfDay.Should().Be(PolicyOptions.Default.QuietHours.DefaultSendTime);
    }
}
