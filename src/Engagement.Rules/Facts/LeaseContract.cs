using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A lease on a vehicle.</summary>
/// <remarks>Identity is <c>("LeaseContract", Vin)</c>: a new version replaces the old one in a session.</remarks>
public sealed record LeaseContract : IFactIdentity
{
    private const string FactType = nameof(LeaseContract);

    /// <summary>The VIN of the leased vehicle.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>The lessee's customer id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The last day of the lease (maturity).</summary>
    public required LocalDate EndDate { get; init; }

    /// <summary>The total distance allowed over the lease (in the vehicle's unit), if any; 1 or more.</summary>
    public int? MileageAllowance { get; init => field = FactCheck.AtLeast(value, 1, FactType, nameof(MileageAllowance)); }

    /// <inheritdoc />
    public object FactIdentity => (FactType, Vin.Value);
}
