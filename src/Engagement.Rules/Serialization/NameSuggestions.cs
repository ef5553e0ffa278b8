using System;
using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Serialization;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
internal static class NameSuggestions
{
    /// <summary>The known names within a small edit distance of <paramref name="name"/> (ignoring case), closest first.</summary>
    public static IReadOnlyList<string> For(string name, IEnumerable<string> known)
    {
        var limit = Math.Max(2, name.Length / 3);
        var upper = name.ToUpperInvariant();

        // The distance is at least the difference in length: a name far longer or shorter than every known one (a
        // 100 KB dealership id against thousands of ids took seconds per line) is not compared at all.
        return known
            .Where(k => Math.Abs(k.Length - name.Length) <= limit)
            .Select(k => (Name: k, Distance: Distance(upper, k.ToUpperInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .Take(3)
            .ToArray();
    }

    /// <summary>" Did you mean 'Vehicle'?" or an empty string.</summary>
    public static string Hint(string name, IEnumerable<string> known)
    {
        var close = For(name, known);
        return close.Count == 0 ? string.Empty : $" Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?";
    }

    // Levenshtein distance with one rolling row.
    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
