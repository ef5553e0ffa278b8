using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Tests.Serialization;

public partial class FactsReaderTest
{
    [Test]
    public void ReadCustomerFactsLines_BadJsonOnLine3_ReportsLine3AndThePath()
    {
        var lines = string.Join("\n", JsonFixtures.MinimalLine("C-1"), JsonFixtures.MinimalLine("C-2"), JsonFixtures.MinimalLine("C-3").Replace("\"lastName\":\"B\"", "\"lastName\":B\"", StringComparison.Ordinal), JsonFixtures.MinimalLine("C-4"));
        var read = new List<string>();

        var act = () => read.AddRange(Reader.ReadCustomerFactsLines(new StringReader(lines)).Select(f => f.Customer.CustomerId));

        var error = act.Should().Throw<FactsFormatException>().Which;
        error.LineNumber.Should().Be(3);
        error.Path.Should().Be("$.customer.lastName");
        error.BytePositionInLine.Should().Be(JsonFixtures.MinimalLine("C-3").IndexOf("\"lastName\":", StringComparison.Ordinal) + "\"lastName\":".Length);
        read.Should().Equal("C-1", "C-2");
    }

    [Test]
    public void ReadCustomerFactsLines_WithOnError_ReportsEveryBadLineAndGoesOn()
    {
        var lines = string.Join("\r\n", JsonFixtures.MinimalLine("C-1"), "{not json", JsonFixtures.MinimalLine("C-3"), string.Empty, JsonFixtures.MinimalLine("C-5", "{\"type\":\"Vehicle\"}"), JsonFixtures.MinimalLine("C-6"));
        var errors = new List<FactsFormatException>();

        var read = Reader.ReadCustomerFactsLines(new StringReader(lines), errors.Add).Select(f => f.Customer.CustomerId).ToList();

        read.Should().Equal("C-1", "C-3", "C-6");
        errors.Select(e => e.LineNumber).Should().Equal(2, 5);
        errors[1].Path.Should().Be("$.facts[0]");
    }

    [Test]
    public void ReadCustomerFactsLines_OnErrorThrows_StopsThere()
    {
        var lines = string.Join("\n", "[]", JsonFixtures.MinimalLine("C-2"));

        var act = () => Reader.ReadCustomerFactsLines(new StringReader(lines), e => throw new InvalidOperationException("stop at " + e.LineNumber)).ToList();

        act.Should().Throw<InvalidOperationException>().WithMessage("stop at 1");
    }

    [Test]
    public void ReadCustomerFactsLines_LineThatIsNotAnObject_SaysWhatALineIs()
    {
        var act = () => Reader.ReadCustomerFactsLines(new StringReader("[1, 2]")).ToList();

        var error = act.Should().Throw<FactsFormatException>().Which;
        error.Path.Should().Be("$");
        error.Reason.Should().Contain("The value [1, 2]").And.Contain("\"customer\"");
    }

    [Test]
    public void ReadCustomerFactsLines_EndlessInput_IsReadLazily()
    {
        using var endless = new EndlessLines(JsonFixtures.MinimalLine("C-1"));

        var first = Reader.ReadCustomerFactsLines(endless).Take(3).ToList();

        first.Should().HaveCount(3);
        endless.LinesRead.Should().Be(3);
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_Stream_ReadsLinesAndReportsErrors()
    {
        var text = string.Join("\n", JsonFixtures.MinimalLine("C-1"), JsonFixtures.MinimalLine("C-2").Replace("\"facts\":[]", "\"facts\":[],\"extra\":1", StringComparison.Ordinal), JsonFixtures.MinimalLine("C-3")) + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var errors = new List<FactsFormatException>();
        var read = new List<string>();

        await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(stream, errors.Add))
        {
            read.Add(facts.Customer.CustomerId);
        }

        read.Should().Equal("C-1", "C-3");
        errors.Should().ContainSingle().Which.Path.Should().Be("$.extra");
        errors[0].LineNumber.Should().Be(2);
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_BadLine_Throws()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(JsonFixtures.MinimalLine("C-1") + "\nnull\n"));

        var act = async () =>
        {
            await foreach (var unused in Reader.ReadCustomerFactsLinesAsync(stream))
            {
            }
        };

        (await act.Should().ThrowAsync<FactsFormatException>()).Which.LineNumber.Should().Be(2);
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_TokenCancelled_StopsAfterTheLinesAlreadyTaken()
    {
        var text = string.Join("\n", JsonFixtures.MinimalLine("C-1"), JsonFixtures.MinimalLine("C-2"), JsonFixtures.MinimalLine("C-3")) + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var cancellation = new CancellationTokenSource();
        var read = new List<string>();

        var act = async () =>
        {
            await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(stream).WithCancellation(cancellation.Token))
            {
                read.Add(facts.Customer.CustomerId);
                await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Equal("C-1");
    }

    /// <summary>A reader that never ends: it proves the lines are pulled one at a time.</summary>
    private sealed class EndlessLines(string line) : TextReader
    {
        public int LinesRead { get; private set; }

        public override string ReadLine()
        {
            LinesRead++;
            return line;
        }
    }
}
