using System;
using System.Collections.Generic;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Yaml.Runtime;

/// <summary>
/// The values or evidence of one proposal or signal: a few names and texts, read-only, in the order the rule
/// names them (a later value of a repeated name replaces the earlier one in its place, as a dictionary would).
/// Filled with <see cref="Set"/> by the action that creates it, then only read (see <see cref="TextPairs"/>).
/// </summary>
internal sealed class TextMap : TextPairs
{
    /// <summary>Creates an empty map with room for <paramref name="capacity"/> names; <see cref="Set"/> fills it before it is shared.</summary>
    public TextMap(int capacity)
        : base(new KeyValuePair<string, string>[capacity], 0)
    {
    }

    /// <summary>Adds a name, or replaces the text of a name already there (in its place).</summary>
    public void Set(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(name);
        if (index >= 0)
        {
            Pairs[index] = new KeyValuePair<string, string>(name, text);
            return;
        }

        Pairs[Count++] = new KeyValuePair<string, string>(name, text);
    }
}
