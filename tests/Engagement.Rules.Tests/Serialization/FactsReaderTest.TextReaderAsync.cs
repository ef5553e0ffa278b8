using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Tests.Serialization;

/// <summary>ReadCustomerFactsLinesAsync(TextReader): the asynchronous twin of ReadCustomerFactsLines(TextReader).</summary>
public partial class FactsReaderTest
{
    [Test]
    public async Task ReadCustomerFactsLinesAsync_TextReader_ReadsWhatTheSynchronousReaderReads()
    {
        var lines = "\uFEFF" + string.Join("\r\n", JsonFixtures.MinimalLine("C-1"), string.Empty, JsonFixtures.MinimalLine("C-2"));
        var expected = Reader.ReadCustomerFactsLines(new StringReader(lines)).Select(f => f.Customer.CustomerId).ToList();

        var read = new List<string>();
        await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(new StringReader(lines)))
        {
            read.Add(facts.Customer.CustomerId);
        }

        read.Should().Equal(expected).And.Equal("C-1", "C-2");
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_TextReaderBadLine_StopsThereWithItsNumber()
    {
        var lines = string.Join("\n", JsonFixtures.MinimalLine("C-1"), "{not json", JsonFixtures.MinimalLine("C-3"));
        var read = new List<string>();

        var act = async () =>
        {
            await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(new StringReader(lines)))
            {
                read.Add(facts.Customer.CustomerId);
            }
        };

        (await act.Should().ThrowAsync<FactsFormatException>()).Which.LineNumber.Should().Be(2);
        read.Should().Equal("C-1");
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_TextReaderWithOnError_ReportsEveryBadLineAndGoesOn()
    {
        var lines = string.Join("\n", JsonFixtures.MinimalLine("C-1"), "{not json", JsonFixtures.MinimalLine("C-3"), "[]");
        var errors = new List<FactsFormatException>();
        var read = new List<string>();

        await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(new StringReader(lines), errors.Add))
        {
            read.Add(facts.Customer.CustomerId);
        }

        read.Should().Equal("C-1", "C-3");
        errors.Select(e => e.LineNumber).Should().Equal(2, 4);
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_TextReaderCancelled_StopsAtTheNextLineAndReadsNoFurther()
    {
        using var endless = new EndlessLines(JsonFixtures.MinimalLine("C-1"));
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var act = async () =>
        {
            await foreach (var unused in Reader.ReadCustomerFactsLinesAsync(endless).WithCancellation(cancellation.Token))
            {
                if (++read == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(2);
        endless.LinesRead.Should().BeLessThanOrEqualTo(3, "lines are read lazily, and none after the cancellation is parsed");
    }

    [Test]
    public void ReadCustomerFactsLinesAsync_NullTextReader_Throws()
    {
        var act = () => Reader.ReadCustomerFactsLinesAsync((TextReader)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("reader");
    }
}
