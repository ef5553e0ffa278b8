using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A touch already sent to a customer (for frequency caps, cool-downs and engagement).</summary>
/// <remarks>Identity is <c>("TouchSent", TouchId)</c>; learning that the customer engaged is a new version.</remarks>
public sealed record TouchSent : IFactIdentity
{
    private const string FactType = nameof(TouchSent);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The touch's id.</summary>
    public required string TouchId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(TouchId));
            _identity = Identity();
        }
    }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The VIN of the vehicle the touch was about, if any.</summary>
    public Vin? Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>What the touch was.</summary>
    public required TouchKind Kind
    {
        get;
        init
        {
            if (value.Name is null)
            {
                throw FactCheck.Fail(FactType, nameof(Kind), null, "the kind is missing (default value)", "a TouchKind such as TouchKind.Reminder");
            }

            field = value;
        }
    }

    /// <summary>The topic or template key, e.g. <c>service.oil-change-due</c>.</summary>
    public required string Topic { get; init => field = FactCheck.Required(value, FactType, nameof(Topic)); }

    /// <summary>The class of the touch.</summary>
    public required TouchClass Class { get; init => field = FactCheck.Defined(value, FactType, nameof(Class)); }

    /// <summary>The channel it went out on.</summary>
    public required ContactChannel Channel { get; init => field = FactCheck.Defined(value, FactType, nameof(Channel)); }

    /// <summary>When it was sent.</summary>
    public required Instant SentAt { get; init; }

    /// <summary>Whether the customer engaged: opened, clicked or answered.</summary>
    public bool Engaged { get; init; }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, TouchId);
}
