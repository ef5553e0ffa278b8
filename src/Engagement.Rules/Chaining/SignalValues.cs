using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Engagement.Rules.Chaining;

/// <summary>
/// A signal's values: a copy of the given names and texts, read-only, in ordinal order of the names.
/// </summary>
/// <remarks>
/// A signal carries a value or two: a sorted array of pairs holds them in one object more, where a dictionary
/// copy, a sorted dictionary of nodes and a read-only wrapper took a dozen. Names compare ordinally.
/// </remarks>
internal sealed class SignalValues : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _pairs;

    /// <summary>Copies and sorts the values.</summary>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentException">A name appears twice (a dictionary that breaks the contract).</exception>
    public SignalValues(IReadOnlyDictionary<string, string> values)
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

        _pairs = pairs;
    }

    public int Count => _pairs.Length;

    public IEnumerable<string> Keys
    {
        get
        {
            var keys = new string[_pairs.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = _pairs[i].Key;
            }

            return keys;
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            var values = new string[_pairs.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _pairs[i].Value;
            }

            return values;
        }
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _pairs[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _pairs.Length; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
