using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>
/// The host contract for decisions not yet sent at the next run (docs/decisions.md, "Idempotency key"): passed
/// back as TouchSent (TouchId = key, SentAt = DueAt), they are not decided again.
/// </summary>
public sealed partial class EngagementEvaluatorTest
{
    // Nightly runs at 02:00 in New York; Sundays are blackout days, so Sunday's touch is held to Monday 08:00.
    private static readonly Instant SundayNight = Instant.FromUtc(2026, 6, 14, 6, 0);
    private static readonly Instant MondayNight = Instant.FromUtc(2026, 6, 15, 6, 0);

    private static IEngagementEvaluator DailyTextReminder() => Evaluator(
        PolicyOptions.Default with { QuietHours = new QuietHoursOptions { BlackoutDays = [IsoDayOfWeek.Sunday] } },
        (_, context) => [Proposal("oil", TouchClass.Service, "service.oil", due: context.Today, channel: ContactChannel.Sms, vin: Vin1)]);

    /// <summary>What the host stores for a decision it has scheduled but not yet sent.</summary>
    private static TouchSent Pending(TouchDecision decision) => new()
    {
        TouchId = decision.IdempotencyKey,
        CustomerId = decision.CustomerId,
        Vin = decision.Vin is null ? null : Rules.Facts.Vin.Parse(decision.Vin),
        Kind = decision.Kind,
        Topic = decision.Topic,
        Class = decision.Class,
        Channel = decision.Channel,
        SentAt = decision.DueAt,
    };

    [Test]
    public void Evaluate_HeldPastTheNextRunWithoutThePendingTouch_IsDecidedAgainUnderANewKey()
    {
        // The hazard the contract exists for: the default due, today(), makes a new key every day.
        var evaluator = DailyTextReminder();
        var facts = FactsOf(null, null, Vehicle());

        var sunday = Single(evaluator.Evaluate(facts, SundayNight));
        var monday = Single(evaluator.Evaluate(facts, MondayNight));

        sunday.DueLocal.LocalDateTime.Should().Be(new LocalDateTime(2026, 6, 15, 8, 0));
        monday.DueLocal.Date.Should().Be(new LocalDate(2026, 6, 15));
        monday.IdempotencyKey.Should().NotBe(sunday.IdempotencyKey);
    }

    [Test]
    public void Evaluate_HeldPastTheNextRunWithThePendingTouchPassedBack_IsNotDecidedAgain()
    {
        var evaluator = DailyTextReminder();
        var facts = FactsOf(null, null, Vehicle());
        var sunday = Single(evaluator.Evaluate(facts, SundayNight));

        var monday = evaluator.Evaluate(facts.With([Pending(sunday)]), MondayNight);

        monday.Decisions.Should().BeEmpty();
        var suppressed = monday.Suppressed.Should().ContainSingle().Subject;
        suppressed.Reason.Should().Be(SuppressionReason.Cooldown);
        suppressed.Explanation.Steps[^1].Description.Should().Contain($"TouchSent {sunday.IdempotencyKey} at 2026-06-15 08:00");
    }

    [Test]
    public void Evaluate_SameOccurrencePendingFromAnEarlierRun_IsAlreadySent()
    {
        // A due date taken from the facts (not today()) keeps the key across runs: the pending touch is AlreadySent.
        var evaluator = Evaluator(null, Proposal("oil", TouchClass.Service, "service.oil", due: Today.PlusDays(3), vin: Vin1));
        var facts = FactsOf(null, null, Vehicle());
        var first = Single(evaluator.Evaluate(facts, Now));

        var next = evaluator.Evaluate(facts.With([Pending(first)]), Now + Duration.FromDays(1));

        next.Decisions.Should().BeEmpty();
        next.Suppressed.Should().ContainSingle().Which.Reason.Should().Be(SuppressionReason.AlreadySent);
    }

    [Test]
    public void Evaluate_PendingUnengagedEmails_DoNotSunsetEmail()
    {
        // Touches not yet sent cannot have been engaged with: they do not count towards the e-mail sunset.
        var pending = Enumerable.Range(1, 6)
            .Select(n => Sent($"P-{n}", TouchClass.Service, $"service.t{n}", Now + Duration.FromDays(n), ContactChannel.Email))
            .ToArray<object>();

        var decision = Single(Evaluate(Proposal("offer"), FactsOf(null, null, [Vehicle(), .. pending])));

        decision.Channel.Should().Be(ContactChannel.Email);
    }

    [Test]
    public void Evaluate_SixUnengagedEmailsAlreadySent_SunsetEmail()
    {
        var sent = Enumerable.Range(1, 6)
            .Select(n => Sent($"S-{n}", TouchClass.Service, $"service.t{n}", Now - Duration.FromDays(n * 10), ContactChannel.Email))
            .ToArray<object>();

        var decision = Single(Evaluate(Proposal("offer"), FactsOf(null, null, [Vehicle(), .. sent])));

        decision.Channel.Should().Be(ContactChannel.Sms);
        Steps(decision).Should().Contain("e-mail is sunset: the last 6 e-mails were not engaged with");
    }
}
