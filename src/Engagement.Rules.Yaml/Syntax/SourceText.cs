using System;
using System.Collections.Generic;

namespace Engagement.Rules.Yaml.Syntax;

/// <summary>The decoded text of one rule file, split in lines for the source line shown under a diagnostic.</summary>
internal sealed class SourceText
{
    private readonly string[] _lines;

    public SourceText(string name, string text)
    {
        Name = name;
        Text = text;
        _lines = text.Split('\n');
    }

    public string Name { get; }

    public string Text { get; }

    /// <summary>The 1-based line without its line break, or null when out of range.</summary>
    public string? Line(int line)
    {
        if (line < 1 || line > _lines.Length)
        {
            return null;
        }

        var text = _lines[line - 1];
        return text.EndsWith('\r') ? text[..^1] : text;
    }

    /// <summary>The 1-based line and column of a character offset.</summary>
    public static (int Line, int Column) Position(IReadOnlyList<byte> bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < Math.Min(offset, bytes.Count); i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
