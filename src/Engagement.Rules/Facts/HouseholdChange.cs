using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A change in a customer's household or life (a new child, a move) the dealership learnt about.</summary>
/// <remarks>Identity is <c>("HouseholdChange", CustomerId, Kind, On)</c>.</remarks>
public sealed record HouseholdChange : IFactIdentity
{
    private const string FactType = nameof(HouseholdChange);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The customer's id.</summary>
    public required string CustomerId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(CustomerId));
            _identity = Identity();
        }
    }

    /// <summary>The day of the change (or the day it was learnt, when the host does not know better).</summary>
    public required LocalDate On
    {
        get;
        init
        {
            field = value;
            _identity = Identity();
        }
    }

    /// <summary>What changed.</summary>
    public required LifeEventKind Kind
    {
        get;
        init
        {
            field = FactCheck.Defined(value, FactType, nameof(Kind));
            _identity = Identity();
        }
    }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, CustomerId, Kind, On);
}
