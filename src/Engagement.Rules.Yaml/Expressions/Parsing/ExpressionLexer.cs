using System.Collections.Generic;
using Superpower.Model;

namespace Engagement.Rules.Yaml.Expressions.Parsing;

/// <summary>
/// Splits expression text into tokens. Written by hand rather than with Superpower's tokenizer builder so
/// that every lexical error (an unknown character, C-style operators such as <c>&amp;&amp;</c>) gets its own
/// message and exact offset; the token list is then parsed with Superpower's combinators.
/// </summary>
internal static class ExpressionLexer
{
    private static readonly Dictionary<string, ExpressionToken> Keywords = new(System.StringComparer.Ordinal)
    {
        ["and"] = ExpressionToken.And,
        ["or"] = ExpressionToken.Or,
        ["not"] = ExpressionToken.Not,
        ["in"] = ExpressionToken.In,
        ["between"] = ExpressionToken.Between,
        ["true"] = ExpressionToken.True,
        ["false"] = ExpressionToken.False,
        ["null"] = ExpressionToken.Null,
    };

    /// <summary>Tokenizes <paramref name="text"/>.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="tokens">The tokens, when successful.</param>
    /// <param name="error">The offset and message of the first lexical error.</param>
    /// <returns><see langword="true"/> when the text is made of valid tokens.</returns>
    public static bool TryTokenize(string text, out TokenList<ExpressionToken> tokens, out (int Offset, string Message) error)
    {
        var list = new List<Token<ExpressionToken>>();
        var i = 0;
        var line = 1;
        var lineStart = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            var kind = Scan(text, ref i, out var message);
            if (kind == ExpressionToken.None)
            {
                tokens = default;
                error = (start, message!);
                return false;
            }

            var position = new Position(start, line, start - lineStart + 1);
            list.Add(new Token<ExpressionToken>(kind, new TextSpan(text, position, i - start)));
        }

        tokens = new TokenList<ExpressionToken>(list.ToArray());
        error = default;
        return true;
    }

    private static ExpressionToken Scan(string text, ref int i, out string? message)
    {
        message = null;
        var c = text[i];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            return Keywords.TryGetValue(text[start..i], out var keyword) ? keyword : ExpressionToken.Identifier;
        }

        if (char.IsAsciiDigit(c))
        {
            return ScanNumber(text, ref i);
        }

        if (c is '"' or '\'')
        {
            i++;
            while (i < text.Length && text[i] != c && text[i] != '\n')
            {
                i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
            }

            if (i < text.Length && text[i] == c)
            {
                i++;
                return ExpressionToken.String;
            }

            return ExpressionToken.UnterminatedString;
        }

        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '(': i++; return ExpressionToken.LeftParen;
            case ')': i++; return ExpressionToken.RightParen;
            case '[': i++; return ExpressionToken.LeftBracket;
            case ']': i++; return ExpressionToken.RightBracket;
            case ',': i++; return ExpressionToken.Comma;
            case '.': i++; return ExpressionToken.Dot;
            case '+': i++; return ExpressionToken.Plus;
            case '-': i++; return ExpressionToken.Minus;
            case '*': i++; return ExpressionToken.Star;
            case '/': i++; return ExpressionToken.Slash;
            case '%': i++; return ExpressionToken.Percent;
            case '=' when next == '=': i += 2; return ExpressionToken.Equal;
            case '!' when next == '=': i += 2; return ExpressionToken.NotEqual;
            case '<' when next == '=': i += 2; return ExpressionToken.LessOrEqual;
            case '>' when next == '=': i += 2; return ExpressionToken.GreaterOrEqual;
            case '<' when next == '>':
                message = "'<>' is not an operator; write != for 'not equal'.";
                return ExpressionToken.None;
            case '<': i++; return ExpressionToken.Less;
            case '>': i++; return ExpressionToken.Greater;
            case '?' when next == '?': i += 2; return ExpressionToken.Coalesce;
            case '=':
                message = "A single '=' is not an operator; write == to compare.";
                return ExpressionToken.None;
            case '!':
                message = "'!' is not an operator; write 'not' to negate.";
                return ExpressionToken.None;
            case '&':
                message = "'&' is not an operator; write 'and' to combine conditions.";
                return ExpressionToken.None;
            case '|':
                message = "'|' is not an operator; write 'or' to combine conditions.";
                return ExpressionToken.None;
            default:
                message = char.IsControl(c) || char.IsSurrogate(c)
                    ? $"Unexpected character U+{(int)c:X4}; expressions use names, numbers, quoted text and operators."
                    : $"Unexpected character '{c}'; expressions use names, numbers, quoted text and operators.";
                return ExpressionToken.None;
        }
    }

    private static ExpressionToken ScanNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var digits = i - start;
        if (digits == 4 && Matches(text, i, "-dd-dd"))
        {
            i += 6;
            return ExpressionToken.Date;
        }

        if (digits == 2 && Matches(text, i, ":dd"))
        {
            i += 3;
            if (Matches(text, i, ":dd"))
            {
                i += 3;
            }

            return ExpressionToken.Time;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            return ExpressionToken.Decimal;
        }

        return ExpressionToken.Integer;
    }

    /// <summary>Whether the text at <paramref name="at"/> has the shape of <paramref name="pattern"/> ('d' = digit).</summary>
    private static bool Matches(string text, int at, string pattern)
    {
        if (at + pattern.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < pattern.Length; k++)
        {
            var ok = pattern[k] == 'd' ? char.IsAsciiDigit(text[at + k]) : text[at + k] == pattern[k];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
