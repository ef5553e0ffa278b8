using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Tests.Serialization;

/// <summary>
/// The byte order mark on every JSON Lines entry point: one U+FEFF starting the first line's decoded text is dropped
/// (whether the text or a decoder leaves it), a U+FEFF starting a later line is an error at that line.
/// </summary>
public partial class FactsReaderTest
{
    /// <summary>How a JSON Lines file reaches the reader.</summary>
    public enum LinesEntry
    {
        /// <summary><c>ReadCustomerFactsLines(TextReader)</c> over a <see cref="StreamReader"/> (drops one mark).</summary>
        StreamReader,

        /// <summary><c>ReadCustomerFactsLinesAsync(TextReader)</c> over a <see cref="StreamReader"/> (drops one mark).</summary>
        StreamReaderAsync,

        /// <summary><c>ReadCustomerFactsLinesAsync(Stream)</c> (its strict decoder drops one mark).</summary>
        Stream,

        /// <summary><c>ReadCustomerFactsLines(TextReader)</c> over the text as <c>Encoding.UTF8.GetString</c> leaves it (mark kept).</summary>
        DecodedText,

        /// <summary><c>ReadCustomerFactsLinesAsync(TextReader)</c> over the text as <c>Encoding.UTF8.GetString</c> leaves it (mark kept).</summary>
        DecodedTextAsync,
    }

    [TestCase(LinesEntry.StreamReader)]
    [TestCase(LinesEntry.StreamReaderAsync)]
    [TestCase(LinesEntry.Stream)]
    [TestCase(LinesEntry.DecodedText)]
    [TestCase(LinesEntry.DecodedTextAsync)]
    public async Task ReadCustomerFactsLines_MarkOnTheFirstAndASecondLine_DropsTheFirstAndReportsTheSecondAtItsLine(LinesEntry entry)
    {
        var file = Utf8WithMarks(1, JsonFixtures.MinimalLine("C-1"), "\uFEFF" + JsonFixtures.MinimalLine("C-2"), JsonFixtures.MinimalLine("C-3"));

        var (read, errors) = await ReadLines(entry, file);

        read.Should().Equal("C-1", "C-3");
        errors.Select(e => e.LineNumber).Should().Equal(2L);
    }

    [TestCase(LinesEntry.StreamReader)]
    [TestCase(LinesEntry.StreamReaderAsync)]
    [TestCase(LinesEntry.Stream)]
    public async Task ReadCustomerFactsLines_FileSavedWithTheMarkTwice_ReadsAlikeThroughAStreamAndAStreamReader(LinesEntry entry)
    {
        // A decoder drops the first mark, the reader the second: the same rule after every decoder.
        var file = Utf8WithMarks(2, JsonFixtures.MinimalLine("C-1"), JsonFixtures.MinimalLine("C-2"));

        var (read, errors) = await ReadLines(entry, file);

        errors.Should().BeEmpty();
        read.Should().Equal("C-1", "C-2");
    }

    private static byte[] Utf8WithMarks(int marks, params string[] lines) =>
        [.. Enumerable.Repeat(Encoding.UTF8.GetPreamble(), marks).SelectMany(mark => mark), .. Encoding.UTF8.GetBytes(string.Join("\n", lines))];

    private static async Task<(List<string> Read, List<FactsFormatException> Errors)> ReadLines(LinesEntry entry, byte[] file)
    {
        var read = new List<string>();
        var errors = new List<FactsFormatException>();
        switch (entry)
        {
            case LinesEntry.StreamReader:
                read.AddRange(Reader.ReadCustomerFactsLines(new StreamReader(new MemoryStream(file), Encoding.UTF8), errors.Add).Select(f => f.Customer.CustomerId));
                break;
            case LinesEntry.DecodedText:
                read.AddRange(Reader.ReadCustomerFactsLines(new StringReader(Encoding.UTF8.GetString(file)), errors.Add).Select(f => f.Customer.CustomerId));
                break;
            case LinesEntry.StreamReaderAsync:
            case LinesEntry.DecodedTextAsync:
                TextReader text = entry == LinesEntry.DecodedTextAsync ? new StringReader(Encoding.UTF8.GetString(file)) : new StreamReader(new MemoryStream(file), Encoding.UTF8);
                await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(text, errors.Add))
                {
                    read.Add(facts.Customer.CustomerId);
                }

                break;
            case LinesEntry.Stream:
                await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(new MemoryStream(file), errors.Add))
                {
                    read.Add(facts.Customer.CustomerId);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry, null);
        }

        return (read, errors);
    }
}
