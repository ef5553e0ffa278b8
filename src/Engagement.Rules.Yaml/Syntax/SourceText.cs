using System;
using System.Collections.Generic;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Syntax;

/// <summary>
/// The decoded text of one rule file, split in lines the way the YAML parser counts them (CR LF, CR, LF, NEL,
/// LS and PS each end a line), for the source line shown under a diagnostic and for positions inside scalars.
/// </summary>
internal sealed class SourceText
{
    // The index of each line's first character, and of its line break (or the text's end for the last line).
    private readonly List<int> _lineStarts = new();
    private readonly List<int> _lineEnds = new();

    public SourceText(string name, string text)
    {
        Name = name;
        Text = text;
        var start = 0;
        for (var i = 0; i < text.Length;)
        {
            var breakLength = BreakLength(text, i);
            if (breakLength == 0)
            {
                i++;
                continue;
            }

            _lineStarts.Add(start);
            _lineEnds.Add(i);
            i += breakLength;
            start = i;
        }

        _lineStarts.Add(start);
        _lineEnds.Add(text.Length);
    }

    public string Name { get; }

    public string Text { get; }

    /// <summary>The 1-based line without its line break, or null when out of range.</summary>
    public string? Line(int line) =>
        line < 1 || line > _lineStarts.Count ? null : Text[_lineStarts[line - 1].._lineEnds[line - 1]];

    /// <summary>The file location of a character index (the index of the text's end is just after its last character).</summary>
    public SourceLocation Locate(int index)
    {
        index = Math.Clamp(index, 0, Text.Length);
        var found = _lineStarts.BinarySearch(index);
        var line = found >= 0 ? found : ~found - 1;
        return new SourceLocation(Name, line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>The length of the line break at <paramref name="index"/>: 2 for CR LF, 1 for another break, 0 for none.</summary>
    public static int BreakLength(string text, int index)
    {
        if (index >= text.Length)
        {
            return 0;
        }

        return text[index] switch
        {
            '\r' => index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1,
            '\n' or '\u0085' or '\u2028' or '\u2029' => 1,
            _ => 0,
        };
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
