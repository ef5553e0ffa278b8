using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Facts;
using NodaTime;
using NodaTime.TimeZones;

namespace Engagement.Rules.WorkerSample;

/// <summary>When each dealership's nightly run is due: the next <see cref="RunAt"/> local time in its own zone.</summary>
public static class NightlySchedule
{
    /// <summary>The local time of the nightly run: 02:00, after the day's data has landed and before anyone is contacted.</summary>
    public static LocalTime RunAt { get; } = new(2, 0);

    /// <summary>
    /// The first instant strictly after <paramref name="after"/> when it is <see cref="RunAt"/> in <paramref name="zone"/>.
    /// A night when 02:00 does not exist (spring forward) runs at the first instant after the gap; a night when it
    /// happens twice (fall back) runs once, at the first occurrence.
    /// </summary>
    public static Instant Next(Instant after, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var date = after.InZone(zone).Date;
        for (var i = 0; i < 3; i++)
        {
            var candidate = zone.ResolveLocal(date.PlusDays(i) + RunAt, Resolvers.LenientResolver).ToInstant();
            if (candidate > after)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No 02:00 within three days after {after} in {zone.Id}.");
    }

    /// <summary>The dealerships whose run comes first after <paramref name="after"/>, and when.</summary>
    public static (Instant At, IReadOnlyList<Dealership> Dealerships) NextRun(Instant after, IEnumerable<Dealership> dealerships)
    {
        var due = dealerships
            .Select(d => (Dealership: d, At: Next(after, d.TimeZone)))
            .ToArray();
        var first = due.Min(d => d.At);
        return (first, due.Where(d => d.At == first).Select(d => d.Dealership).ToArray());
    }
}
