using System;
using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>An owners' event the dealership holds (a clinic, a launch, a charity drive).</summary>
/// <remarks>Identity is <c>("OwnerEvent", EventId)</c>; a registration count change is a new version.</remarks>
public sealed record OwnerEvent : IFactIdentity
{
    private const string FactType = nameof(OwnerEvent);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;
    private DateTimeZone _timeZone = DateTimeZone.Utc;

    /// <summary>The event's id.</summary>
    public required string EventId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(EventId));
            _identity = Identity();
        }
    }

    /// <summary>The event's name.</summary>
    public required string Name { get; init => field = FactCheck.Required(value, FactType, nameof(Name)); }

    /// <summary>The kind of event.</summary>
    public OwnerEventKind Kind { get; init => field = FactCheck.Defined(value, FactType, nameof(Kind)); } = OwnerEventKind.Other;

    /// <summary>The moment the event starts.</summary>
    public required Instant StartsAt { get; init; }

    /// <summary>The IANA time zone of the venue; must be known to the TZDB database (the invitation shows local time).</summary>
    public required string TimeZoneId
    {
        get;
        init
        {
            _timeZone = FactCheck.KnownZone(value, FactType, nameof(TimeZoneId));
            field = value;
        }
    }

    /// <summary>The venue's time zone.</summary>
    public DateTimeZone TimeZone => _timeZone;

    /// <summary>The start in the venue's time zone.</summary>
    public ZonedDateTime LocalStart => StartsAt.InZone(_timeZone);

    /// <summary>Where the event takes place.</summary>
    public required string Location { get; init => field = FactCheck.Required(value, FactType, nameof(Location)); }

    /// <summary>The ISO 3166 region of the venue, e.g. <c>US-TX</c> (upper-cased).</summary>
    public required string RegionCode { get; init => field = FactCheck.RegionCode(value, FactType, nameof(RegionCode)); }

    /// <summary>The number of seats, 1 or more.</summary>
    public required int Capacity { get; init => field = FactCheck.AtLeast(value, 1, FactType, nameof(Capacity)); }

    /// <summary>The number registered so far, zero or more (may exceed <see cref="Capacity"/> when the dealership overbooks).</summary>
    public int RegisteredCount { get; init => field = FactCheck.AtLeast(value, 0, FactType, nameof(RegisteredCount)); }

    /// <summary>The seats left, never below zero.</summary>
    public int SeatsLeft => Math.Max(0, Capacity - RegisteredCount);

    /// <summary>Whether no seats are left.</summary>
    public bool IsFull => SeatsLeft == 0;

    /// <summary>Who the event is for.</summary>
    public EventAudience Audience { get; init => field = FactCheck.NotNull(value, FactType, nameof(Audience)); } = EventAudience.Everyone;

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, EventId);
}
