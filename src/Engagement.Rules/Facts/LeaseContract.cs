using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A lease on a vehicle.</summary>
/// <remarks>Identity is <c>("LeaseContract", Vin)</c>: a new version replaces the old one in a session.</remarks>
public sealed record LeaseContract : IFactIdentity
{
    private const string FactType = nameof(LeaseContract);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The VIN of the leased vehicle.</summary>
    public required Vin Vin
    {
        get;
        init
        {
            field = FactCheck.Vin(value, FactType, nameof(Vin));
            _identity = Identity();
        }
    }

    /// <summary>The lessee's customer id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The last day of the lease (maturity).</summary>
    public required LocalDate EndDate { get; init; }

    /// <summary>The total distance allowed over the lease (in the vehicle's unit), if any; 1 or more.</summary>
    public int? MileageAllowance { get; init => field = FactCheck.AtLeast(value, 1, FactType, nameof(MileageAllowance)); }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, Vin.Value);
}
