using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A change in a customer's household or life (a new child, a move) the dealership learnt about.</summary>
/// <remarks>Identity is <c>("HouseholdChange", CustomerId, Kind, On)</c>.</remarks>
public sealed record HouseholdChange : IFactIdentity
{
    private const string FactType = nameof(HouseholdChange);

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The day of the change (or the day it was learnt, when the host does not know better).</summary>
    public required LocalDate On { get; init; }

    /// <summary>What changed.</summary>
    public required LifeEventKind Kind { get; init => field = FactCheck.Defined(value, FactType, nameof(Kind)); }

    /// <inheritdoc />
    public object FactIdentity => (FactType, CustomerId, Kind, On);
}
