using System;
using System.Collections.Generic;
using Engagement.Rules.Yaml.Expressions;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>Suggests the closest known name for a misspelt one (edit distance, case-insensitive).</summary>
internal static class DidYouMean
{
    /// <summary>The closest candidate within a distance that still looks like a typo, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(1, Math.Max(name.Length, best?.Length ?? 0) / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or the list of valid names when nothing is close.</summary>
    public static string Hint(string name, IReadOnlyCollection<string> candidates)
    {
        var closest = Closest(name, candidates);
        if (closest is not null)
        {
            return $" Did you mean '{closest}'?";
        }

        return candidates.Count <= 15 ? $" Valid: {string.Join(", ", candidates)}." : string.Empty;
    }

    private static int Distance(string a, string b) =>
        a.Length > 64 || b.Length > 64 ? Math.Abs(a.Length - b.Length) + (a == b ? 0 : 64) : Suggestions.Aligned(a, b);
}
