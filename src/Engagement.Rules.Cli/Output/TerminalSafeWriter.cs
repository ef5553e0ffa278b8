using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Engagement.Rules.Cli.Output;

/// <summary>
/// Writes text with the characters a terminal would obey shown as <c>\uXXXX</c> instead: control characters other
/// than tab, line feed and a carriage return that ends a line (ESC starts the sequences that move the cursor, rewrite
/// lines or set the window title; a bare carriage return sends the cursor back to overwrite the line), C1 controls, and
/// the Unicode bidirectional overrides that reorder what is displayed. Facts are
/// untrusted input (docs/threat-model.md) and their values reach the tool's tables and messages. Inside a JSON string
/// the replacement is the JSON escape of the same character, so JSON output keeps its meaning.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => inner.Encoding;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // The base setter accepts null (meaning the default); pass it on as given.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <summary>
    /// The text with every character a terminal would obey escaped, <paramref name="keepLines"/> deciding about tab, LF
    /// and a CR directly followed by LF (a bare CR is always escaped: it would let a value overwrite the line it is on).
    /// </summary>
    public static string Escape(string text, bool keepLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && !Unsafe(text, i, keepLines))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (Unsafe(text, i, keepLines))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    public override void Write(char value)
    {
        // A CR on its own cannot be seen to end a line here: escaped (the tool writes its line ends as strings).
        if (value == '\r' || Unsafe(value, keepLines: true))
        {
            inner.Write(Escape(value.ToString(), keepLines: true));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is not null)
        {
            inner.Write(Escape(value, keepLines: true));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void Flush() => inner.Flush();

    /// <summary>
    /// Sends the cursor back to the start of the line, for the tool's own rewritten progress line: the one carriage
    /// return written as such, never one that came with a value.
    /// </summary>
    public static void ReturnToLineStart(TextWriter writer)
    {
        if (writer is TerminalSafeWriter safe)
        {
            safe.WriteUnescaped('\r');
        }
        else
        {
            writer.Write('\r');
        }
    }

    private void WriteUnescaped(char value) => inner.Write(value);

    private static bool Unsafe(string text, int i, bool keepLines) =>
        text[i] == '\r' ? !keepLines || i + 1 == text.Length || text[i + 1] != '\n' : Unsafe(text[i], keepLines);

    private static bool Unsafe(char c, bool keepLines) =>
        c is '\t' or '\n' or '\r' ? !keepLines
        : char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
