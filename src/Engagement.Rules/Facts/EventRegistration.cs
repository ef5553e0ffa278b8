using Engagement.Rules.Engine;

namespace Engagement.Rules.Facts;

/// <summary>A customer registered for an owners' event.</summary>
/// <remarks>Identity is <c>("EventRegistration", EventId, CustomerId)</c>.</remarks>
public sealed record EventRegistration : IFactIdentity
{
    private const string FactType = nameof(EventRegistration);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

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

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, EventId, CustomerId);
}
