using System;
using NodaTime;

namespace Engagement.Rules.Evaluation;

/// <summary>
/// The moment and place of an evaluation, inserted as a fact into every session so that rules can ask for
/// "today" and "now" in the customer's own time zone.
/// </summary>
public sealed record EvaluationContext
{
    /// <summary>Creates the context of an evaluation.</summary>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="zone">The customer's time zone (or the dealership's when the customer's is unknown).</param>
    public EvaluationContext(Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Now = now;
        Zone = zone;
        LocalNow = now.InZone(zone);
        Today = LocalNow.Date;
    }

    /// <summary>The evaluation instant.</summary>
    public Instant Now { get; }

    /// <summary>The time zone "today" is taken in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The evaluation instant in <see cref="Zone"/>.</summary>
    public ZonedDateTime LocalNow { get; }

    /// <summary>Today's date in <see cref="Zone"/>.</summary>
    public LocalDate Today { get; }
}
