using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Engagement.Rules.Formatting;

/// <summary>
/// A read-only map of a few names to texts, held as an array of pairs searched in order (names compare ordinally):
/// for two or three values, a dictionary and its read-only wrapper cost several objects and hashing for what one
/// array holds. The reading side of a proposal's values and evidence (in the rule's order) and of a signal's values
/// (in name order); each subclass decides how its pairs are filled.
/// </summary>
/// <remarks>Shared source: compiled into Engagement.Rules and Engagement.Rules.Yaml (an internal type of each).</remarks>
internal abstract class TextPairs : IReadOnlyDictionary<string, string>
{
    /// <summary>The pairs; the first <see cref="Count"/> are the map.</summary>
    protected KeyValuePair<string, string>[] Pairs { get; }

    /// <summary>A map of the first <paramref name="count"/> pairs (a builder adds the rest).</summary>
    protected TextPairs(KeyValuePair<string, string>[] pairs, int count)
    {
        Pairs = pairs;
        Count = count;
    }

    /// <summary>A map of all the pairs.</summary>
    protected TextPairs(KeyValuePair<string, string>[] pairs)
        : this(pairs, pairs.Length)
    {
    }

    public int Count { get; protected set; }

    public IEnumerable<string> Keys
    {
        get
        {
            var keys = new string[Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = Pairs[i].Key;
            }

            return keys;
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            var values = new string[Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Pairs[i].Value;
            }

            return values;
        }
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? Pairs[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Pairs[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The position of a name among the pairs; -1 when absent.</summary>
    protected int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(Pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
