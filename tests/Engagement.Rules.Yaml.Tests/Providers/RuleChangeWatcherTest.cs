using System;
using System.IO;
using System.Threading.Tasks;
using Engagement.Rules.Yaml.Providers;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests.Providers;

/// <summary>The one hot-reload watcher, on a real folder: which changes call back, and how often.</summary>
public sealed partial class RuleChangeWatcherTest
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);

    [Test]
    public async Task Watch_BurstOfWrites_CallsBackOnce()
    {
        // A quiet period far above the few milliseconds the burst takes, so that the burst is one burst even on a busy machine.
        using var watched = new WatchedFolder(TimeSpan.FromMilliseconds(300), f => f.Write("a.yaml", "# 0"));

        for (var i = 1; i <= 5; i++)
        {
            watched.Folder.Write("a.yaml", $"# {i}");
        }

        watched.Folder.Write("b.yml", "# b");

        (await watched.Calls.NextAsync()).Should().BeTrue("the burst settles and calls back");
        (await watched.Calls.AnyWithinSilenceAsync()).Should().BeFalse("one burst makes one callback");
        watched.Calls.Count.Should().Be(1);
    }

    [Test]
    public async Task Watch_NonRuleFiles_NoCallback()
    {
        using var watched = new WatchedFolder(Quiet);

        watched.Folder.Write("notes.txt", "not a rule");
        watched.Folder.Write("a.yaml.bak", "a backup");
        watched.Folder.Write("a.tests.yaml", "tests are not rules");
        watched.Folder.Write(".a.yaml.swp", "an editor's swap file");

        (await watched.Calls.AnyWithinSilenceAsync()).Should().BeFalse("the loader reads none of these files");

        // The watcher was live all along: the silence above means the files were filtered, not missed.
        watched.Folder.Write("a.yaml", "# a");
        (await watched.Calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Watch_SingleFile_OnlyThatFileCounts()
    {
        using var watched = new WatchedFolder(Quiet, f =>
        {
            f.Write("other.yaml", "# 0");
            return f.Write("rules.yaml", "# 0");
        });

        watched.Folder.Write("other.yaml", "# 1");
        (await watched.Calls.AnyWithinSilenceAsync()).Should().BeFalse("a sibling of the watched file is not loaded");

        watched.Folder.Write("rules.yaml", "# 1");
        (await watched.Calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Watch_NewSubfolderWithRuleFile_CallsBack()
    {
        using var watched = new WatchedFolder(Quiet);

        watched.Folder.Write(Path.Combine("sales", "trade-in.yaml"), "# new");

        (await watched.Calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public async Task OnWatcherError_Overflow_CallsBack()
    {
        using var watched = new WatchedFolder(Quiet);

        // What the Error handler does when the event buffer overflows: the lost events may have been rule changes.
        watched.Watcher.OnWatcherError();

        (await watched.Calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public void Constructor_MissingPath_ThrowsNamingIt()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "gone");

        var act = () => new RuleChangeWatcher([folder.Path, missing], Quiet, () => { }, WatchedFolder.Fail);

        act.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain(missing);
    }
}
