using Engagement.Rules.Engine;

namespace Engagement.Rules.Facts;

/// <summary>A customer registered for an owners' event.</summary>
/// <remarks>Identity is <c>("EventRegistration", EventId, CustomerId)</c>.</remarks>
public sealed record EventRegistration : IFactIdentity
{
    private const string FactType = nameof(EventRegistration);

    /// <summary>The event's id.</summary>
    public required string EventId { get; init => field = FactCheck.Required(value, FactType, nameof(EventId)); }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <inheritdoc />
    public object FactIdentity => (FactType, EventId, CustomerId);
}
