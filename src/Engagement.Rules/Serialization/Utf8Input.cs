using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using System.Threading;

namespace Engagement.Rules.Serialization;

/// <summary>
/// Turns the bytes of a facts file into text, strictly. A decoder that replaces bad bytes with U+FFFD (what
/// <see cref="StreamReader"/> does by default) would silently change a customer's name or id, so a byte that is not
/// UTF-8 is a located <see cref="FactsFormatException"/> instead.
/// </summary>
internal static class Utf8Input
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>A line, or the error that made it unreadable.</summary>
    public readonly record struct Line(long Number, string? Text, FactsFormatException? Error, bool EndsTheInput = false);

    /// <summary>
    /// Reads a whole document. UTF-8, with or without a byte order mark; UTF-16 and UTF-32 documents with a byte
    /// order mark are decoded too (strictly).
    /// </summary>
    public static string ReadDocument(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        if (WideEncoding(bytes) is { } wide)
        {
            try
            {
                return wide.GetString(bytes[wide.Preamble.Length..]);
            }
            catch (DecoderFallbackException e)
            {
                throw new FactsFormatException($"The text is not valid {wide.WebName}: it has a {wide.WebName} byte order mark but holds bytes that are not {wide.WebName}.", null, "$", null, e);
            }
        }

        return Decode(bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes, null);
    }

    /// <summary>Reads UTF-8 lines lazily (ending with <c>\n</c> or <c>\r\n</c>); a line that is not UTF-8 comes with its error.</summary>
    public static async IAsyncEnumerable<Line> ReadLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            // scanned: where the search for the line's end goes on after a read, so a long line arriving in small
            // chunks is searched once, not again from its start after every read.
            int start = 0, end = 0, scanned = 0;
            var atEnd = false;
            long number = 0;
            while (true)
            {
                var from = Math.Max(start, scanned);
                var newline = Array.IndexOf(buffer, (byte)'\n', from, end - from);
                if (newline < 0 && !atEnd)
                {
                    // Keep the partial line at the front, grow for long lines, and read more.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    scanned = end;

                    if (end == buffer.Length)
                    {
                        if (buffer.Length >= Array.MaxLength / 2)
                        {
                            // No .NET string holds such a line: a located error rather than an overflow in the growth.
                            throw new FactsFormatException(string.Create(CultureInfo.InvariantCulture, $"The line is longer than {buffer.Length} bytes; a line holds one customer."), number + 1, "$", null, null);
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        Release(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    atEnd = read == 0;
                    end += read;
                    continue;
                }

                if (newline < 0 && start == end)
                {
                    yield break;
                }

                var lineEnd = newline < 0 ? end : newline;
                number++;
                yield return LineAt(buffer, start, lineEnd - start, number);
                start = newline < 0 ? end : newline + 1;
            }
        }
        finally
        {
            Release(buffer);
        }
    }

    // A buffer grown for one huge line is dropped, not pooled: the shared pool would keep it alive for the process.
    private static void Release(byte[] buffer)
    {
        if (buffer.Length <= 1024 * 1024)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Line LineAt(byte[] buffer, int start, int length, long number)
    {
        var bytes = buffer.AsSpan(start, length);
        if (bytes.EndsWith((byte)'\r'))
        {
            bytes = bytes[..^1];
        }

        if (number == 1)
        {
            if (WideEncoding(bytes) is { } wide)
            {
                return new Line(number, null, new FactsFormatException($"The lines are {wide.WebName} (they start with its byte order mark); JSON Lines are UTF-8.", number, "$", 0, null), EndsTheInput: true);
            }

            if (bytes.StartsWith(Utf8Bom))
            {
                bytes = bytes[Utf8Bom.Length..];
            }
        }

        try
        {
            return new Line(number, Decode(bytes, number), null);
        }
        catch (FactsFormatException e)
        {
            return new Line(number, null, e);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, long? lineNumber)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            if (Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return new string(chars, 0, charsWritten);
            }

            var before = bytes[..bytesRead];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            throw new FactsFormatException(
                string.Create(CultureInfo.InvariantCulture, $"The byte 0x{bytes[bytesRead]:X2} is not valid UTF-8; facts are UTF-8 text."),
                lineNumber ?? before.Count((byte)'\n') + 1,
                "$",
                bytesRead - lineStart,
                null);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // UTF-16 and UTF-32 announce themselves with a byte order mark (UTF-32 LE before UTF-16 LE: FF FE 00 00).
    private static Encoding? WideEncoding(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((byte[])[0xFF, 0xFE, 0x00, 0x00]) ? new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true)
        : bytes.StartsWith((byte[])[0x00, 0x00, 0xFE, 0xFF]) ? new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true)
        : bytes.StartsWith((byte[])[0xFF, 0xFE]) ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true)
        : bytes.StartsWith((byte[])[0xFE, 0xFF]) ? new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true)
        : null;
}
