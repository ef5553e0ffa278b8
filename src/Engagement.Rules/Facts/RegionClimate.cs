using Engagement.Rules.Engine;

namespace Engagement.Rules.Facts;

/// <summary>Whether a region is warm all year (no winter reminders there).</summary>
/// <remarks>Identity is <c>("RegionClimate", RegionCode)</c>.</remarks>
public sealed record RegionClimate : IFactIdentity
{
    private const string FactType = nameof(RegionClimate);

    /// <summary>The ISO 3166 region, e.g. <c>US-FL</c> (upper-cased).</summary>
    public required string RegionCode { get; init => field = FactCheck.RegionCode(value, FactType, nameof(RegionCode)); }

    /// <summary>Whether the region is warm all year.</summary>
    public required bool IsWarm { get; init; }

    /// <inheritdoc />
    public object FactIdentity => (FactType, RegionCode);
}
