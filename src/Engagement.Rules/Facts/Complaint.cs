using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A customer complaint; while open, marketing to the customer is usually suppressed.</summary>
/// <remarks>Identity is <c>("Complaint", Id)</c>.</remarks>
public sealed record Complaint : IFactIdentity
{
    private const string FactType = nameof(Complaint);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The complaint's id.</summary>
    public required string Id
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(Id));
            _identity = Identity();
        }
    }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The day the complaint was opened.</summary>
    public required LocalDate OpenedOn
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(ResolvedOn, value, FactType, nameof(ResolvedOn), nameof(OpenedOn));
        }
    }

    /// <summary>The day the complaint was resolved; <see langword="null"/> while open. Not before <see cref="OpenedOn"/>.</summary>
    public LocalDate? ResolvedOn
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(value, OpenedOn, FactType, nameof(ResolvedOn), nameof(OpenedOn));
        }
    }

    /// <summary>Whether the complaint is still open.</summary>
    public bool IsOpen => ResolvedOn is null;

    /// <summary>The VIN of the vehicle concerned, if any.</summary>
    public Vin? Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>A short summary, if recorded.</summary>
    public string? Summary { get; init => field = FactCheck.Optional(value, FactType, nameof(Summary)); }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, Id);
}
