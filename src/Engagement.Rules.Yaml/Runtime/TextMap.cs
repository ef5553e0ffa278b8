using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Engagement.Rules.Yaml.Runtime;

/// <summary>
/// The values or evidence of one proposal or signal: a few names and texts, read-only, in the order the rule
/// names them (a later value of a repeated name replaces the earlier one in its place, as a dictionary would).
/// </summary>
/// <remarks>
/// A proposal carries two or three values: a dictionary and its read-only wrapper cost four objects and hashing
/// for what an array of pairs searched in order holds in two. Names compare ordinally. Filled with
/// <see cref="Set"/> by the action that creates it, then only read.
/// </remarks>
internal sealed class TextMap : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _pairs;

    private int _count;

    /// <summary>Creates an empty map with room for <paramref name="capacity"/> names; <see cref="Set"/> fills it before it is shared.</summary>
    public TextMap(int capacity) => _pairs = new KeyValuePair<string, string>[capacity];

    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            var keys = new string[_count];
            for (var i = 0; i < _count; i++)
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
            var values = new string[_count];
            for (var i = 0; i < _count; i++)
            {
                values[i] = _pairs[i].Value;
            }

            return values;
        }
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    /// <summary>Adds a name, or replaces the text of a name already there (in its place).</summary>
    public void Set(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_pairs[i].Key, name, StringComparison.Ordinal))
            {
                _pairs[i] = new KeyValuePair<string, string>(name, text);
                return;
            }
        }

        _pairs[_count++] = new KeyValuePair<string, string>(name, text);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _pairs[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _pairs[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
