using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A satisfaction score a customer gave (a survey, an NPS question), from 0 to 10.</summary>
/// <remarks>Identity is <c>("SatisfactionScore", CustomerId, Source, On)</c>: one score per customer, source and day.</remarks>
public sealed record SatisfactionScore : IFactIdentity
{
    private const string FactType = nameof(SatisfactionScore);

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

    /// <summary>Where the score comes from, e.g. <c>service-survey</c> or <c>nps</c>.</summary>
    public required string Source
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(Source));
            _identity = Identity();
        }
    }

    /// <summary>The score, 0 to 10.</summary>
    public required int Score { get; init => field = FactCheck.Between(value, 0, 10, FactType, nameof(Score)); }

    /// <summary>The day the score was given.</summary>
    public required LocalDate On
    {
        get;
        init
        {
            field = value;
            _identity = Identity();
        }
    }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, CustomerId, Source, On);
}
