using System.Collections.Generic;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Syntax;

/// <summary>
/// One node of a parsed rule file, with the position of its first character. The loader builds its own
/// small tree from the parser's events so that it controls aliases, depth and duplicate keys itself.
/// </summary>
internal abstract class SyntaxNode
{
    private protected SyntaxNode(SourceLocation location)
    {
        Location = location;
    }

    public SourceLocation Location { get; }

    /// <summary>What the node is, in words for messages ("a mapping", "a list", "text").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: its text, and where each character of the text is in the file.</summary>
internal sealed class ScalarSyntax : SyntaxNode
{
    public ScalarSyntax(SourceLocation location, string value, bool isPlain, ScalarPositions positions)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
        Positions = positions;
    }

    public string Value { get; }

    /// <summary>Unquoted: <c>null</c>, <c>~</c> and the empty text then mean "no value".</summary>
    public bool IsPlain { get; }

    /// <summary>Where the characters of <see cref="Value"/> are in the file.</summary>
    public ScalarPositions Positions { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");

    public override string KindName => "text";
}

/// <summary>A list.</summary>
internal sealed class SequenceSyntax : SyntaxNode
{
    public SequenceSyntax(SourceLocation location, IReadOnlyList<SyntaxNode> items)
        : base(location)
    {
        Items = items;
    }

    public IReadOnlyList<SyntaxNode> Items { get; }

    public override string KindName => "a list";
}

/// <summary>A mapping: entries in file order, keys are scalars and unique.</summary>
internal sealed class MappingSyntax : SyntaxNode
{
    public MappingSyntax(SourceLocation location, IReadOnlyList<KeyValuePair<ScalarSyntax, SyntaxNode>> entries)
        : base(location)
    {
        Entries = entries;
    }

    public IReadOnlyList<KeyValuePair<ScalarSyntax, SyntaxNode>> Entries { get; }

    public override string KindName => "a mapping";

    public SyntaxNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    public ScalarSyntax? GetKey(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }
}
