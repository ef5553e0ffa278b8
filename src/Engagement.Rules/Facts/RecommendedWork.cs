using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>Work a technician recommended on a visit (e.g. front brake pads at 3 mm), and what became of it.</summary>
/// <remarks>Identity is <c>("RecommendedWork", Id)</c>.</remarks>
public sealed record RecommendedWork : IFactIdentity
{
    private const string FactType = nameof(RecommendedWork);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The recommendation's id.</summary>
    public required string Id
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(Id));
            _identity = Identity();
        }
    }

    /// <summary>The VIN of the vehicle.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The operation code, e.g. <c>BRAKE-PADS-F</c>.</summary>
    public required string Operation { get; init => field = FactCheck.Required(value, FactType, nameof(Operation)); }

    /// <summary>What the work is, in words the customer understands.</summary>
    public required string Description { get; init => field = FactCheck.Required(value, FactType, nameof(Description)); }

    /// <summary>The day by which the work should be done, if any.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>The odometer value (vehicle's unit) by which the work should be done, if any; zero or more.</summary>
    public int? DueMileage { get; init => field = FactCheck.AtLeast(value, 0, FactType, nameof(DueMileage)); }

    /// <summary>What became of the recommendation.</summary>
    public RecommendationStatus Status { get; init => field = FactCheck.Defined(value, FactType, nameof(Status)); } = RecommendationStatus.Recommended;

    /// <summary>The day the customer declined the work, if they did.</summary>
    public LocalDate? DeclinedOn { get; init; }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, Id);
}
