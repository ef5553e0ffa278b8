using System;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.Yaml.Tests.Support;

/// <summary>A temporary folder watched by a <see cref="RuleChangeWatcher"/> whose calls are recorded; disposes all three.</summary>
internal sealed class WatchedFolder : IDisposable
{
    /// <param name="quietPeriod">The watcher's quiet period.</param>
    /// <param name="watch">What to watch, given the fresh folder (written before watching starts); the folder when null.</param>
    public WatchedFolder(TimeSpan quietPeriod, Func<TempFolder, string>? watch = null)
    {
        Folder = new TempFolder();
        Calls = new CallbackRecorder();
        Watcher = new RuleChangeWatcher([watch?.Invoke(Folder) ?? Folder.Path], quietPeriod, Calls.Call, Fail);
    }

    public TempFolder Folder { get; }

    public CallbackRecorder Calls { get; }

    public RuleChangeWatcher Watcher { get; }

    public void Dispose()
    {
        Watcher.Dispose();
        Calls.Dispose();
        Folder.Dispose();
    }

    /// <summary>The failure report of a watcher whose callback must not throw.</summary>
    public static void Fail(Exception e) => Assert.Fail($"The callback threw: {e}");
}
