using System;
using System.Collections.Generic;

namespace Engagement.Rules.Yaml.Expressions;

/// <summary>"Did you mean" hints: the closest candidate by edit distance, when it is close enough.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate to <paramref name="name"/>, or null when none is plausibly meant.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Allow about one typo per three characters, at least one and at most three.
        var allowed = Math.Clamp(name.Length / 3, 1, 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or the empty string.</summary>
    public static string Hint(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $" Did you mean '{match}'?" : string.Empty;

    /// <summary>Optimal string alignment distance (Levenshtein plus transpositions), case-insensitive.</summary>
    public static int Distance(string a, string b) =>
        a.Length > 64 || b.Length > 64 ? Math.Max(a.Length, b.Length) : Aligned(a, b);

    /// <summary>
    /// The optimal string alignment distance itself: insertions, deletions, substitutions and swaps of neighbours
    /// ("tgas"), characters compared as <see cref="StringComparison.OrdinalIgnoreCase"/> does (upper-cased). Callers
    /// bound the lengths (the table is quadratic).
    /// </summary>
    public static int Aligned(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool Same(char x, char y) => char.ToUpperInvariant(x) == char.ToUpperInvariant(y);
}
