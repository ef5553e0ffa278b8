using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Engagement.Rules.Serialization;
using Engagement.Rules.TestSupport;

namespace Engagement.Rules.Tests.Serialization;

/// <summary>Whatever the input, the reader answers with a located <see cref="FactsFormatException"/> or the facts, never another exception.</summary>
public sealed class FactsReaderPropertyTest
{
    private static readonly string Sample = JsonFixtures.Document(JsonFixtures.CustomerFacts());

    /// <summary>Characters that matter to JSON, to the values (dates, VINs, enums) and to UTF-16.</summary>
    private static readonly Gen<char> Interesting = Gen.OneOf(
        Gen.Char["{}[]:,\"\\ -+.eE0123456789nulltrfas/\uD800\uDC00\uFEFF"],
        Gen.Char['A', 'Z'],
        Gen.Char);

    private static readonly Gen<string> Mutated = TextMutations.Of(Sample, Interesting, maxRemoved: 12, maxInserted: 6);

    private static readonly FactsReader Reader = new();

    [Test]
    public void ReadCustomerFacts_MutatedDocument_ThrowsOnlyLocatedFormatErrors()
    {
        Mutated.Sample(text => Check(() => Reader.ReadCustomerFacts(text), lineKnown: false), iter: 400, threads: 1);
    }

    [Test]
    public void ReadCustomerFacts_MutatedUtf8Bytes_ThrowsOnlyLocatedFormatErrors()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte).Array[1, 6].Sample(
            edits =>
            {
                var copy = (byte[])bytes.Clone();
                foreach (var (at, value) in edits)
                {
                    copy[at] = value;
                }

                Check(() => Reader.ReadCustomerFacts(new MemoryStream(copy)), lineKnown: false);
            },
            iter: 300,
            threads: 1);
    }

    [Test]
    public void ReadCustomerFactsLines_MutatedLines_ReportsEveryBadLineWithItsNumber()
    {
        var line = JsonFixtures.Line(JsonFixtures.CustomerFacts()).TrimEnd('\n');
        var reader = new FactsReader([JsonFixtures.Dealership()]);
        Mutated.Select(m => m.Replace('\n', ' ').Replace('\r', ' ')).Select(m => line + "\n" + m + "\n" + line + "\n").Sample(
            text =>
            {
                var errors = new System.Collections.Generic.List<FactsFormatException>();
                var read = reader.ReadCustomerFactsLines(new StringReader(text), errors.Add).Count();
                (read + errors.Count).Should().BeInRange(2, 3, "a line is either read or reported, never dropped");
                foreach (var error in errors)
                {
                    error.LineNumber.Should().Be(2, error.Message);
                    error.Path.Should().StartWith("$", error.Message);
                }
            },
            iter: 200,
            threads: 1);
    }

    private static void Check(Action read, bool lineKnown)
    {
        try
        {
            read();
        }
        catch (FactsFormatException e)
        {
            e.Path.Should().NotBeNull(e.Message).And.StartWith("$", e.Message);
            e.Reason.Should().NotBeNullOrWhiteSpace();
            if (lineKnown)
            {
                e.LineNumber.Should().NotBeNull(e.Message);
            }
        }
    }
}
