using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A satisfaction score a customer gave (a survey, an NPS question), from 0 to 10.</summary>
/// <remarks>Identity is <c>("SatisfactionScore", CustomerId, Source, On)</c>: one score per customer, source and day.</remarks>
public sealed record SatisfactionScore : IFactIdentity
{
    private const string FactType = nameof(SatisfactionScore);

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>Where the score comes from, e.g. <c>service-survey</c> or <c>nps</c>.</summary>
    public required string Source { get; init => field = FactCheck.Required(value, FactType, nameof(Source)); }

    /// <summary>The score, 0 to 10.</summary>
    public required int Score { get; init => field = FactCheck.Between(value, 0, 10, FactType, nameof(Score)); }

    /// <summary>The day the score was given.</summary>
    public required LocalDate On { get; init; }

    /// <inheritdoc />
    public object FactIdentity => (FactType, CustomerId, Source, On);
}
