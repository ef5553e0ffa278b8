using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Engagement.Rules.Yaml.Providers;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests.Providers;

public sealed partial class RuleChangeWatcherTest
{
    [Test]
    public async Task Callback_ThrowsAndSoDoesTheReport_ReportedAndWatchingGoesOn()
    {
        using var folder = new TempFolder();
        using var calls = new CallbackRecorder();
        var reported = new ConcurrentQueue<Exception>();
        using var watcher = new RuleChangeWatcher(
            [folder.Path],
            Quiet,
            () =>
            {
                calls.Call();
                throw new InvalidOperationException($"call {calls.Count}");
            },
            e =>
            {
                reported.Enqueue(e);
                throw new InvalidOperationException("the report fails too");
            });

        watcher.OnWatcherError();
        (await calls.NextAsync()).Should().BeTrue();
        watcher.OnWatcherError();
        (await calls.NextAsync()).Should().BeTrue("neither exception reached the timer thread, and the watcher still works");

        reported.Should().HaveCount(2).And.Contain(e => e.Message == "call 1");
    }
}
