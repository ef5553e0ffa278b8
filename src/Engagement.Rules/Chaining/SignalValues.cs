using System;
using System.Collections.Generic;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Chaining;

/// <summary>
/// A signal's values: a copy of the given names and texts, read-only, in ordinal order of the names (the map itself:
/// <see cref="TextPairs"/>).
/// </summary>
internal sealed class SignalValues : TextPairs
{
    /// <summary>Copies and sorts the values.</summary>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentException">A name appears twice (a dictionary that breaks the contract).</exception>
    public SignalValues(IReadOnlyDictionary<string, string> values)
        : base(Sorted(values))
    {
    }

    private static KeyValuePair<string, string>[] Sorted(IReadOnlyDictionary<string, string> values)
    {
        var pairs = new KeyValuePair<string, string>[values.Count];
        var count = 0;
        foreach (var pair in values)
        {
            ArgumentNullException.ThrowIfNull(pair.Key, "key");
            if (count == pairs.Length)
            {
                Array.Resize(ref pairs, count + 1);
            }

            pairs[count++] = pair;
        }

        Array.Resize(ref pairs, count);
        Array.Sort(pairs, static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        for (var i = 1; i < pairs.Length; i++)
        {
            if (string.Equals(pairs[i - 1].Key, pairs[i].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"An item with the same key has already been added. Key: {pairs[i].Key}");
            }
        }

        return pairs;
    }
}
