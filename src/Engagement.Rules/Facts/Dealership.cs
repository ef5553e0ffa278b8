using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>The dealership the evaluation runs for: its place, time zone and hours.</summary>
/// <remarks>
/// Identity is <c>("Dealership", DealershipId)</c>. Unlike a customer's, the dealership's time zone must be
/// known: it is the fallback the policies use when a customer's zone is unknown.
/// </remarks>
public sealed record Dealership : IFactIdentity
{
    private const string FactType = nameof(Dealership);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;
    private DateTimeZone _timeZone = DateTimeZone.Utc;

    /// <summary>The dealership's id.</summary>
    public required string DealershipId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(DealershipId));
            _identity = Identity();
        }
    }

    /// <summary>The dealership's name.</summary>
    public required string Name { get; init => field = FactCheck.Required(value, FactType, nameof(Name)); }

    /// <summary>The IANA time zone id; must be known to the TZDB database.</summary>
    public required string TimeZoneId
    {
        get;
        init
        {
            _timeZone = FactCheck.KnownZone(value, FactType, nameof(TimeZoneId));
            field = value;
        }
    }

    /// <summary>The dealership's time zone.</summary>
    public DateTimeZone TimeZone => _timeZone;

    /// <summary>Where the dealership is.</summary>
    public required Jurisdiction Jurisdiction { get; init => field = FactCheck.NotNull(value, FactType, nameof(Jurisdiction)); }

    /// <summary>The weekly opening hours (used for call-backs and phone touches).</summary>
    public BusinessHours BusinessHours { get; init => field = FactCheck.NotNull(value, FactType, nameof(BusinessHours)); } = BusinessHours.None;

    /// <summary>Whether the dealership may not give rewards for referrals (a state rule or the maker's policy).</summary>
    public bool ReferralRewardsRestricted { get; init; }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, DealershipId);
}
