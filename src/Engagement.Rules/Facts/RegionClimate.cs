using Engagement.Rules.Engine;

namespace Engagement.Rules.Facts;

/// <summary>Whether a region is warm all year (no winter reminders there).</summary>
/// <remarks>Identity is <c>("RegionClimate", RegionCode)</c>.</remarks>
public sealed record RegionClimate : IFactIdentity
{
    private const string FactType = nameof(RegionClimate);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The ISO 3166 region, e.g. <c>US-FL</c> (upper-cased).</summary>
    public required string RegionCode
    {
        get;
        init
        {
            field = FactCheck.RegionCode(value, FactType, nameof(RegionCode));
            _identity = Identity();
        }
    }

    /// <summary>Whether the region is warm all year.</summary>
    public required bool IsWarm { get; init; }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, RegionCode);
}
