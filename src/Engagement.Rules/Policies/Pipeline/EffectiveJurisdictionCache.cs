using System.Collections.Concurrent;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// The merged jurisdiction rules of one <see cref="PolicyOptions"/>, by country and region, built once per
/// evaluator instead of once per customer: the options are immutable and a merged rule only reads them, so the
/// same instance serves every customer and thread.
/// </summary>
internal sealed class EffectiveJurisdictionCache(PolicyOptions options)
{
    private readonly ConcurrentDictionary<(string Country, string? Region), EffectiveJurisdiction> _merged = new();

    public EffectiveJurisdiction Get(string countryCode, string? regionCode)
        => _merged.TryGetValue((countryCode, regionCode), out var merged)
            ? merged
            : _merged.GetOrAdd((countryCode, regionCode), key => new EffectiveJurisdiction(key.Country, key.Region, options));
}
