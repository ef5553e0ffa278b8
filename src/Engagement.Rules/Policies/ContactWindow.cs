using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>
/// A daily window, in the recipient's local time, in which a channel may be used. Several windows for the
/// same channel and day intersect: the strictest wins.
/// </summary>
/// <param name="Channel">The channel the window restricts.</param>
/// <param name="Start">The first allowed local time.</param>
/// <param name="End">The first local time no longer allowed (exclusive); must be after <paramref name="Start"/>.</param>
/// <param name="Days">The days of the week the window applies on; every day when empty.</param>
public sealed record ContactWindow(ContactChannel Channel, LocalTime Start, LocalTime End, IReadOnlyList<IsoDayOfWeek> Days)
{
    /// <summary>Creates a window that applies every day.</summary>
    /// <param name="channel">The channel the window restricts.</param>
    /// <param name="start">The first allowed local time.</param>
    /// <param name="end">The first local time no longer allowed.</param>
    public ContactWindow(ContactChannel channel, LocalTime start, LocalTime end)
        : this(channel, start, end, [])
    {
    }

    /// <summary>The days of the week the window applies on; every day when empty.</summary>
    public IReadOnlyList<IsoDayOfWeek> Days { get; init => field = Snapshot.List(value); } = Snapshot.List(Days);

    /// <summary>Whether the window applies on a day of the week.</summary>
    /// <param name="day">The day.</param>
    /// <returns><see langword="true"/> when <see cref="Days"/> is empty or contains the day.</returns>
    public bool AppliesOn(IsoDayOfWeek day) => Days.Count == 0 || Days.Contains(day);

    /// <summary>Windows are equal when channel, times and days (in order) are equal.</summary>
    /// <param name="other">The other window.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ContactWindow? other)
        => other is not null && Channel == other.Channel && Start == other.Start && End == other.End
            && (ReferenceEquals(Days, other.Days) || (Days is not null && other.Days is not null && Days.SequenceEqual(other.Days)));

    /// <inheritdoc />
    public override int GetHashCode() => System.HashCode.Combine(Channel, Start, End, Days?.Count ?? -1);

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Channel} {Start:HH':'mm}-{End:HH':'mm}") + (Days.Count == 0 ? string.Empty : " on " + string.Join(",", Days));
}
