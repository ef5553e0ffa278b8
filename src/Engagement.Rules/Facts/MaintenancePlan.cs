using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A prepaid maintenance plan on a vehicle.</summary>
/// <remarks>Identity is <c>("MaintenancePlan", Vin)</c>: a new version replaces the old one in a session.</remarks>
public sealed record MaintenancePlan : IFactIdentity
{
    private const string FactType = nameof(MaintenancePlan);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The VIN of the vehicle covered.</summary>
    public required Vin Vin
    {
        get;
        init
        {
            field = FactCheck.Vin(value, FactType, nameof(Vin));
            _identity = Identity();
        }
    }

    /// <summary>The last day of the plan.</summary>
    public required LocalDate EndDate { get; init; }

    /// <summary>The prepaid visits left, zero or more.</summary>
    public required int VisitsRemaining { get; init => field = FactCheck.AtLeast(value, 0, FactType, nameof(VisitsRemaining)); }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, Vin.Value);
}
