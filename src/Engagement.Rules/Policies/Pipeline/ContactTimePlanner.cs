using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using NodaTime;
using NodaTime.TimeZones;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Moves a due instant forward to the first instant allowed by quiet hours and blackout days, in one zone (the
/// customer's) or, when the customer's zone is unknown, in every plausible zone at once (the intersection).
/// A touch is held, never dropped, unless no allowed instant exists within the search horizon.
/// </summary>
internal static class ContactTimePlanner
{
    private const int MaxMoves = 500;

    private static readonly ConcurrentDictionary<string, DateTimeZone[]> ZonesByCountry = new(StringComparer.Ordinal);

    public static ContactTimePlan Plan(
        Instant due,
        ContactChannel channel,
        bool blackoutApplies,
        ReadOnlySpan<DateTimeZone> zones,
        IContactRules jurisdiction,
        int horizonDays)
    {
        var limit = due + Duration.FromDays(horizonDays);
        List<string>? causes = null;
        var t = due;
        for (var move = 0; move < MaxMoves; move++)
        {
            if (t > limit)
            {
                return new ContactTimePlan(null, (IReadOnlyList<string>?)causes ?? []);
            }

            var moved = false;
            for (var z = 0; z < zones.Length; z++)
            {
                var zone = zones[z];
                var local = t.InZone(zone).LocalDateTime;
                var date = local.Date;
                if (blackoutApplies && jurisdiction.Blackout(date) is { } blackout)
                {
                    AddCause(ref causes, $"blackout day {blackout}");
                    t = Later(t, zone.AtStartOfDay(date.PlusDays(1)).ToInstant());
                    moved = true;
                    break;
                }

                var window = jurisdiction.Window(channel, date.DayOfWeek);
                if (window is null)
                {
                    continue;
                }

                if (window.IsEmpty || local.TimeOfDay >= window.End)
                {
                    AddCause(ref causes, window.QuietHoursCause);
                    t = Later(t, zone.AtStartOfDay(date.PlusDays(1)).ToInstant());
                    moved = true;
                    break;
                }

                if (local.TimeOfDay < window.Start)
                {
                    AddCause(ref causes, window.QuietHoursCause);
                    t = AtOrAfter(date + window.Start, zone, t);
                    moved = true;
                    break;
                }
            }

            if (!moved)
            {
                return new ContactTimePlan(t, (IReadOnlyList<string>?)causes ?? []);
            }
        }

        // The windows of the zones never line up (e.g. zones half a day apart): no common instant.
        return new ContactTimePlan(null, (IReadOnlyList<string>?)causes ?? []);
    }

    /// <summary>The instant of a local time in a zone, not before <paramref name="notBefore"/>: a time in a DST gap moves forward, an ambiguous one takes the earlier offset unless that is already past.</summary>
    public static Instant AtOrAfter(LocalDateTime local, DateTimeZone zone, Instant notBefore)
    {
        var mapping = zone.MapLocal(local);
        var instant = mapping.Count switch
        {
            0 => zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant(),
            _ => mapping.First().ToInstant() >= notBefore ? mapping.First().ToInstant() : mapping.Last().ToInstant(),
        };
        return Later(notBefore, instant);
    }

    /// <summary>The zones a customer of the country may live in (tzdb zone.tab), for the unknown-zone case.</summary>
    public static ReadOnlySpan<DateTimeZone> PlausibleZones(string countryCode)
        => ZonesByCountry.GetOrAdd(countryCode.ToUpperInvariant(), FindZones);

    private static DateTimeZone[] FindZones(string countryCode)
    {
        var locations = TzdbDateTimeZoneSource.Default.ZoneLocations;
        if (locations is null)
        {
            return [];
        }

        return locations
            .Where(l => string.Equals(l.CountryCode, countryCode, StringComparison.OrdinalIgnoreCase))
            .Select(l => l.ZoneId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id))
            .OfType<DateTimeZone>()
            .ToArray();
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private static void AddCause(ref List<string>? causes, string cause)
    {
        causes ??= [];
        if (!causes.Contains(cause))
        {
            causes.Add(cause);
        }
    }
}
