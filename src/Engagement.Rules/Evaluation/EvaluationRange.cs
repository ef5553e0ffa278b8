using NodaTime;

namespace Engagement.Rules.Evaluation;

/// <summary>
/// The instants an evaluator can evaluate at, and the latest due day a proposal may have: the one place they are
/// computed (the evaluator's checks, proposal validation, <see cref="EngagementEvaluator.LatestInstant"/>).
/// </summary>
internal static class EvaluationRange
{
    /// <summary>The earliest evaluation instant: from year 1 on, every zone's local date and every look-back window stays in the calendar.</summary>
    public static Instant Earliest { get; } = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>
    /// The latest due day the contact-time search can start from: it looks up to the horizon past the due day, plus a
    /// day for a plausible zone ahead of the customer's and a day for the start of the next day, and that last day
    /// must still be in the calendar (9999-12-31, a DMS's usual "no end date").
    /// </summary>
    /// <param name="searchHorizonDays">The validated <see cref="Policies.QuietHoursOptions.SearchHorizonDays"/> (1 to 3660).</param>
    public static LocalDate LatestDueDay(int searchHorizonDays) => LocalDate.MaxIsoValue.PlusDays(-(searchHorizonDays + 2));

    /// <summary>
    /// The latest evaluation instant: the start (UTC) of <see cref="LatestDueDay"/>, since a past due day becomes the
    /// evaluation instant's day; later instants would overflow NodaTime in the policies, for every proposal.
    /// </summary>
    /// <param name="searchHorizonDays">The validated <see cref="Policies.QuietHoursOptions.SearchHorizonDays"/> (1 to 3660).</param>
    public static Instant Latest(int searchHorizonDays) => LatestDueDay(searchHorizonDays).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
}
