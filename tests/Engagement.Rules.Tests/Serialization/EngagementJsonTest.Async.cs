using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Tests.Serialization;

/// <summary>EngagementJson.WriteResultsAsync: results streamed as JSON Lines as they come, cancellable between lines.</summary>
public sealed partial class EngagementJsonTest
{
    private static async IAsyncEnumerable<EngagementResult> Yield(IEnumerable<EngagementResult?> results, Action<int>? beforeEach = null)
    {
        var index = 0;
        foreach (var result in results)
        {
            await Task.Yield();
            beforeEach?.Invoke(index++);
            yield return result!;
        }
    }

    private static string[] Lines(MemoryStream stream) =>
        Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task WriteResultsAsync_Results_WritesTheLinesOfWriteResults()
    {
        // Accents and '+' stay as they are (the relaxed encoder), as in the synchronous lines.
        var results = new[] { Result("C-1") with { RuleSetFingerprint = "a1" }, Result("C-Côté+2") };
        using var sync = new StringWriter();
        EngagementJson.WriteResults(sync, results);
        using var stream = new MemoryStream();

        await EngagementJson.WriteResultsAsync(stream, Yield(results));

        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(sync.ToString());
        sync.ToString().Should().Contain("C-Côté+2");
    }

    [Test]
    public async Task WriteResultsAsync_ResultsArriving_EachLineIsWrittenBeforeTheNextResultIsAskedFor()
    {
        using var stream = new MemoryStream();
        var seen = new List<int>();

        await EngagementJson.WriteResultsAsync(stream, Yield([Result("C-1"), Result("C-2"), Result("C-3")], i => seen.Add(Lines(stream).Length)));

        seen.Should().Equal(0, 1, 2);
        Lines(stream).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("customerId").GetString()).Should().Equal("C-1", "C-2", "C-3");
    }

    [Test]
    public async Task WriteResultsAsync_BufferedStream_IsFlushedAtTheEnd()
    {
        using var inner = new MemoryStream();
        await using var buffered = new BufferedStream(inner, 1 << 16);

        await EngagementJson.WriteResultsAsync(buffered, Yield([Result("C-1")]));

        Lines(inner).Should().ContainSingle();
    }

    [Test]
    public async Task WriteResultsAsync_CancelledBeforeStart_WritesNothing()
    {
        using var stream = new MemoryStream();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var asked = 0;

        var act = () => EngagementJson.WriteResultsAsync(stream, Yield([Result("C-1")], _ => asked++), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        stream.Length.Should().Be(0);
        asked.Should().Be(0);
    }

    [Test]
    public async Task WriteResultsAsync_CancelledMidway_StopsAfterTheWholeLinesWritten()
    {
        using var stream = new MemoryStream();
        using var cancellation = new CancellationTokenSource();

        // The source ignores the token; the writer checks it before each line.
        var act = () => EngagementJson.WriteResultsAsync(stream, Yield([Result("C-1"), Result("C-2"), Result("C-3")], i =>
        {
            if (i == 1)
            {
                cancellation.Cancel();
            }
        }), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var lines = Lines(stream);
        lines.Should().ContainSingle();
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("customerId").GetString().Should().Be("C-1");
        Encoding.UTF8.GetString(stream.ToArray()).Should().EndWith("\n", "only whole lines are written");
    }

    [Test]
    public async Task WriteResultsAsync_NullResult_ThrowsNamingItsPositionAfterTheLinesBefore()
    {
        using var stream = new MemoryStream();

        var act = () => EngagementJson.WriteResultsAsync(stream, Yield([Result("C-1"), null]));

        (await act.Should().ThrowAsync<ArgumentException>()).WithParameterName("results").Which.Message.Should().Contain("item 2 (1-based)");
        Lines(stream).Should().ContainSingle();
    }

    [Test]
    public void WriteResults_NullResult_ThrowsNamingItsPosition()
    {
        using var writer = new StringWriter();

        var act = () => EngagementJson.WriteResults(writer, [Result("C-1"), null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("results").Which.Message.Should().Contain("item 2 (1-based)");
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle("the line before it is written, not a line \"null\"");
    }
}
