using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>An extended service contract ("extended warranty") sold on a vehicle.</summary>
/// <remarks>Identity is <c>("ExtendedServiceContract", ContractId)</c>: a new version replaces the old one in a session.</remarks>
public sealed record ExtendedServiceContract : IFactIdentity
{
    private const string FactType = nameof(ExtendedServiceContract);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The contract's id.</summary>
    public required string ContractId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(ContractId));
            _identity = Identity();
        }
    }

    /// <summary>The VIN of the vehicle covered.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>The last day of coverage.</summary>
    public required LocalDate EndDate { get; init; }

    /// <summary>The odometer value (in the vehicle's unit) at which coverage ends, if limited; 1 or more.</summary>
    public int? MileageLimit { get; init => field = FactCheck.AtLeast(value, 1, FactType, nameof(MileageLimit)); }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, ContractId);
}
