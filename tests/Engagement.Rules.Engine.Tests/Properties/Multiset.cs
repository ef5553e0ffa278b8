using System;
using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Engine.Tests.Properties;

/// <summary>Multiset comparison of canonical keys with a readable difference.</summary>
public static class Multiset
{
    /// <summary>Returns null when equal as multisets, otherwise the keys missing from and unexpected in <paramref name="actual"/>.</summary>
    public static string? Difference(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in expected)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        foreach (var key in actual)
        {
            counts[key] = counts.GetValueOrDefault(key) - 1;
        }

        var missing = counts.Where(c => c.Value > 0).SelectMany(c => Enumerable.Repeat(c.Key, c.Value)).Order(StringComparer.Ordinal).ToList();
        var unexpected = counts.Where(c => c.Value < 0).SelectMany(c => Enumerable.Repeat(c.Key, -c.Value)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return null;
        }

        return "missing (expected but not there):\n    " + string.Join("\n    ", missing)
            + "\n  unexpected (there but not expected):\n    " + string.Join("\n    ", unexpected);
    }
}
