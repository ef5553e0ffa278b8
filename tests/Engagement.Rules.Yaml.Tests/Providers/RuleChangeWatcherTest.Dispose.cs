using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Yaml.Providers;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests.Providers;

public sealed partial class RuleChangeWatcherTest
{
    [Test]
    public async Task Dispose_WithACallbackPending_NoCallbackComes()
    {
        using var watched = new WatchedFolder(Quiet);
        watched.Watcher.OnWatcherError();

        watched.Watcher.Dispose();

        (await watched.Calls.AnyWithinSilenceAsync()).Should().BeFalse("the pending callback was dropped");
    }

    [Test]
    public async Task Dispose_Twice_IsHarmlessAndStaysStopped()
    {
        using var watched = new WatchedFolder(Quiet);

        watched.Watcher.Dispose();
        var again = () => watched.Watcher.Dispose();

        again.Should().NotThrow();
        watched.Watcher.OnWatcherError();
        watched.Folder.Write("a.yaml", "# a");
        (await watched.Calls.AnyWithinSilenceAsync()).Should().BeFalse();
    }

    [Test]
    public async Task Dispose_DuringACallback_ReturnsAfterIt()
    {
        using var folder = new TempFolder();
        using var started = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        var order = new ConcurrentQueue<string>();
        var watcher = new RuleChangeWatcher(
            [folder.Path],
            Quiet,
            () =>
            {
                started.Release();
                release.Wait(CallbackRecorder.Patience);
                order.Enqueue("callback ended");
            },
            WatchedFolder.Fail);
        watcher.OnWatcherError();
        (await started.WaitAsync(CallbackRecorder.Patience)).Should().BeTrue();

        var disposing = Task.Run(() =>
        {
            watcher.Dispose();
            order.Enqueue("disposed");
        });

        // Room for a Dispose that wrongly returns at once to do so before the callback ends.
        await Task.Delay(100);
        release.Set();
        await disposing.WaitAsync(CallbackRecorder.Patience);

        order.Should().Equal("callback ended", "disposed");
    }

    [Test]
    public async Task Dispose_FromTheCallback_DoesNotWaitForItself()
    {
        using var folder = new TempFolder();
        using var done = new SemaphoreSlim(0);
        RuleChangeWatcher? watcher = null;
        watcher = new RuleChangeWatcher(
            [folder.Path],
            Quiet,
            () =>
            {
                watcher!.Dispose();
                done.Release();
            },
            WatchedFolder.Fail);

        watcher.OnWatcherError();

        (await done.WaitAsync(CallbackRecorder.Patience)).Should().BeTrue("a callback that disposes its watcher returns");
    }
}
