using System;
using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.Core;

namespace Engagement.Rules.Yaml.Syntax;

/// <summary>
/// Finds, for each character of a scalar's value, the character of the file it came from, by reading the
/// scalar's raw text again the way the YAML scanner does: quotes and escapes, folding of line breaks,
/// block-scalar indentation and chomping. The result is checked against the value the parser produced:
/// when the two differ anywhere (a case this reading does not cover) there is no map, never a wrong one.
/// </summary>
internal static class ScalarSourceScanner
{
    /// <summary>
    /// The file index of each value character, plus one entry for the end of the value; null when the raw
    /// text does not reproduce <paramref name="value"/>.
    /// </summary>
    /// <param name="text">The whole file.</param>
    /// <param name="start">The index of the scalar's first character (its quote or block indicator, if any).</param>
    /// <param name="style">How the scalar is written.</param>
    /// <param name="value">The value the parser produced.</param>
    public static int[]? Map(string text, int start, ScalarStyle style, string value)
    {
        if (start < 0 || start >= text.Length)
        {
            return null;
        }

        return style switch
        {
            ScalarStyle.Plain => new FlowScan(text, value, quote: '\0').Run(start),
            ScalarStyle.SingleQuoted when text[start] == '\'' => new FlowScan(text, value, quote: '\'').Run(start + 1),
            ScalarStyle.DoubleQuoted when text[start] == '"' => new FlowScan(text, value, quote: '"').Run(start + 1),
            ScalarStyle.Literal when text[start] == '|' => Block(text, start, value, folded: false),
            ScalarStyle.Folded when text[start] == '>' => Block(text, start, value, folded: true),
            _ => null,
        };
    }

    private static bool IsWhite(char c) => c is ' ' or '\t';

    private static int[]? Block(string text, int start, string value, bool folded)
    {
        // The header: indicators, blanks, an optional comment, the line break.
        var i = start + 1;
        var explicitIndent = false;
        while (i < text.Length && (text[i] is '+' or '-' || char.IsAsciiDigit(text[i])))
        {
            explicitIndent |= char.IsAsciiDigit(text[i]);
            i++;
        }

        while (i < text.Length && SourceText.BreakLength(text, i) == 0)
        {
            i++;
        }

        i += SourceText.BreakLength(text, i);

        // The content's indentation: that of the first line with text. An explicit indicator counts from the
        // parent's indentation, which the raw text does not tell: try each smaller one until the value matches.
        var widest = 0;
        for (var lineStart = i; lineStart < text.Length;)
        {
            var spaces = 0;
            while (lineStart + spaces < text.Length && text[lineStart + spaces] == ' ')
            {
                spaces++;
            }

            widest = Math.Max(widest, spaces);
            var end = lineStart + spaces;
            if (end < text.Length && SourceText.BreakLength(text, end) == 0)
            {
                break;
            }

            lineStart = end + SourceText.BreakLength(text, end);
        }

        for (var indent = widest; indent >= 1; indent--)
        {
            if (new BlockScan(text, value, folded).Run(i, indent) is { } map)
            {
                return map;
            }

            if (!explicitIndent)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Collects the index of each produced character, failing at the first one the value does not have.</summary>
    private abstract class Scan
    {
        private readonly string _value;
        private readonly int[] _map;
        private int _produced;

        protected Scan(string text, string value)
        {
            Text = text;
            _value = value;
            _map = new int[value.Length + 1];
        }

        protected string Text { get; }

        protected bool Failed { get; private set; }

        protected bool Complete => _produced == _value.Length;

        protected void Emit(char c, int index)
        {
            if (Failed || _produced >= _value.Length || _value[_produced] != c)
            {
                Failed = true;
                return;
            }

            _map[_produced++] = index;
        }

        protected void Emit(string s, int index)
        {
            foreach (var c in s)
            {
                Emit(c, index);
            }
        }

        protected int[]? Result(int end)
        {
            if (Failed || !Complete)
            {
                return null;
            }

            _map[_value.Length] = end;
            return _map;
        }
    }

    /// <summary>Plain, single-quoted and double-quoted scalars: blanks, folded line breaks, quotes and escapes.</summary>
    private sealed class FlowScan : Scan
    {
        private readonly char _quote;
        private readonly List<int> _whitespace = new();
        private readonly List<int> _trailingBreaks = new();
        private bool _inBreaks;
        private int _leadingBreak = -1;

        public FlowScan(string text, string value, char quote)
            : base(text, value)
        {
            _quote = quote;
        }

        public int[]? Run(int i)
        {
            while (!Complete && !Failed && i < Text.Length)
            {
                var c = Text[i];
                var breakLength = SourceText.BreakLength(Text, i);
                if (breakLength > 0)
                {
                    if (!_inBreaks)
                    {
                        _whitespace.Clear();
                        _leadingBreak = i;
                        _inBreaks = true;
                    }
                    else
                    {
                        _trailingBreaks.Add(i);
                    }

                    i += breakLength;
                }
                else if (IsWhite(c))
                {
                    // Blanks at the start of a continuation line are indentation; others wait for the next text.
                    if (!_inBreaks)
                    {
                        _whitespace.Add(i);
                    }

                    i++;
                }
                else if (_quote != '\0' && c == _quote && !(_quote == '\'' && i + 1 < Text.Length && Text[i + 1] == '\''))
                {
                    Join();
                    break;
                }
                else if (_quote == '\'' && c == '\'')
                {
                    Join();
                    Emit('\'', i);
                    i += 2;
                }
                else if (_quote == '"' && c == '\\')
                {
                    Join();
                    i = Escape(i);
                }
                else
                {
                    Join();
                    Emit(c, i);
                    i++;
                }
            }

            return Result(i);
        }

        /// <summary>What the blanks and line breaks since the last text become: kept blanks, a space, or line breaks.</summary>
        private void Join()
        {
            if (_inBreaks)
            {
                if (_leadingBreak >= 0 && _trailingBreaks.Count == 0)
                {
                    Emit(' ', _leadingBreak);
                }

                foreach (var index in _trailingBreaks)
                {
                    Emit('\n', index);
                }

                _inBreaks = false;
                _leadingBreak = -1;
                _trailingBreaks.Clear();
            }
            else
            {
                foreach (var index in _whitespace)
                {
                    Emit(Text[index], index);
                }
            }

            _whitespace.Clear();
        }

        private int Escape(int i)
        {
            if (i + 1 >= Text.Length)
            {
                Emit('\\', i);
                return i + 1;
            }

            var next = Text[i + 1];
            var breakLength = SourceText.BreakLength(Text, i + 1);
            if (breakLength > 0)
            {
                // An escaped line break joins the lines without a space.
                _inBreaks = true;
                _leadingBreak = -1;
                return i + 1 + breakLength;
            }

            var simple = next switch
            {
                '0' => "\0",
                'a' => "\a",
                'b' => "\b",
                't' or '\t' => "\t",
                'n' => "\n",
                'v' => "\v",
                'f' => "\f",
                'r' => "\r",
                'e' => "\u001B",
                ' ' or '"' or '/' or '\\' or '\'' => next.ToString(),
                'N' => "\u0085",
                '_' => "\u00A0",
                'L' => "\u2028",
                'P' => "\u2029",
                _ => null,
            };
            if (simple is not null)
            {
                Emit(simple, i);
                return i + 2;
            }

            var digits = next switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (digits == 0 || i + 2 + digits > Text.Length
                || !int.TryParse(Text.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
            {
                // Not an escape this reading knows: the map fails rather than guessing.
                Emit('\uFFFF', i);
                Emit('\uFFFF', i);
                return i + 2;
            }

            Emit(char.ConvertFromUtf32(code), i);
            return i + 2 + digits;
        }
    }

    /// <summary>Literal (|) and folded (&gt;) block scalars at a given indentation, with any chomping.</summary>
    private sealed class BlockScan : Scan
    {
        private readonly bool _folded;

        public BlockScan(string text, string value, bool folded)
            : base(text, value)
        {
            _folded = folded;
        }

        public int[]? Run(int i, int indent)
        {
            var trailingBreaks = new List<int>();
            var leadingBreak = -1;
            var leadingBlank = false;
            var end = i;
            while (i < Text.Length && !Failed)
            {
                var column = 0;
                while (column < indent && i + column < Text.Length && Text[i + column] == ' ')
                {
                    column++;
                }

                var at = i + column;
                if (at < Text.Length && SourceText.BreakLength(Text, at) is var emptyBreak and > 0)
                {
                    trailingBreaks.Add(at);
                    i = at + emptyBreak;
                    continue;
                }

                if (column < indent || at >= Text.Length)
                {
                    break;
                }

                // A line of text: the break before it folds to a space only between two lines that start with text.
                var trailingBlank = IsWhite(Text[at]);
                if (_folded && leadingBreak >= 0 && !leadingBlank && !trailingBlank)
                {
                    if (trailingBreaks.Count == 0)
                    {
                        Emit(' ', leadingBreak);
                    }
                }
                else if (leadingBreak >= 0)
                {
                    Emit('\n', leadingBreak);
                }

                foreach (var index in trailingBreaks)
                {
                    Emit('\n', index);
                }

                trailingBreaks.Clear();
                leadingBlank = trailingBlank;
                while (at < Text.Length && SourceText.BreakLength(Text, at) == 0)
                {
                    Emit(Text[at], at);
                    at++;
                }

                end = at;
                leadingBreak = at < Text.Length ? at : -1;
                i = at + SourceText.BreakLength(Text, at);
            }

            // Chomping: the final break and the empty lines after it are kept only as far as the value has them.
            if (!Failed && !Complete && leadingBreak >= 0)
            {
                Emit('\n', leadingBreak);
                end = leadingBreak + 1;
            }

            foreach (var index in trailingBreaks)
            {
                if (Complete || Failed)
                {
                    break;
                }

                Emit('\n', index);
                end = index + 1;
            }

            return Result(end);
        }
    }
}
