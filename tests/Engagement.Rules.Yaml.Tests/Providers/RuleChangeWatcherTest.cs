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
        using var folder = new TempFolder();
        folder.Write("a.yaml", "# 0");
        using var calls = new CallbackRecorder();

        // A quiet period far above the few milliseconds the burst takes, so that the burst is one burst even on a busy machine.
        using var watcher = new RuleChangeWatcher([folder.Path], TimeSpan.FromMilliseconds(300), calls.Call, Fail);
        for (var i = 1; i <= 5; i++)
        {
            folder.Write("a.yaml", $"# {i}");
        }

        folder.Write("b.yml", "# b");

        (await calls.NextAsync()).Should().BeTrue("the burst settles and calls back");
        (await calls.AnyWithinSilenceAsync()).Should().BeFalse("one burst makes one callback");
        calls.Count.Should().Be(1);
    }

    [Test]
    public async Task Watch_NonRuleFiles_NoCallback()
    {
        using var folder = new TempFolder();
        using var calls = new CallbackRecorder();
        using var watcher = new RuleChangeWatcher([folder.Path], Quiet, calls.Call, Fail);

        folder.Write("notes.txt", "not a rule");
        folder.Write("a.yaml.bak", "a backup");
        folder.Write("a.tests.yaml", "tests are not rules");
        folder.Write(".a.yaml.swp", "an editor's swap file");

        (await calls.AnyWithinSilenceAsync()).Should().BeFalse("the loader reads none of these files");

        // The watcher was live all along: the silence above means the files were filtered, not missed.
        folder.Write("a.yaml", "# a");
        (await calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Watch_SingleFile_OnlyThatFileCounts()
    {
        using var folder = new TempFolder();
        var rules = folder.Write("rules.yaml", "# 0");
        folder.Write("other.yaml", "# 0");
        using var calls = new CallbackRecorder();
        using var watcher = new RuleChangeWatcher([rules], Quiet, calls.Call, Fail);

        folder.Write("other.yaml", "# 1");
        (await calls.AnyWithinSilenceAsync()).Should().BeFalse("a sibling of the watched file is not loaded");

        folder.Write("rules.yaml", "# 1");
        (await calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Watch_NewSubfolderWithRuleFile_CallsBack()
    {
        using var folder = new TempFolder();
        using var calls = new CallbackRecorder();
        using var watcher = new RuleChangeWatcher([folder.Path], Quiet, calls.Call, Fail);

        folder.Write(Path.Combine("sales", "trade-in.yaml"), "# new");

        (await calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public async Task OnWatcherError_Overflow_CallsBack()
    {
        using var folder = new TempFolder();
        using var calls = new CallbackRecorder();
        using var watcher = new RuleChangeWatcher([folder.Path], Quiet, calls.Call, Fail);

        // What the Error handler does when the event buffer overflows: the lost events may have been rule changes.
        watcher.OnWatcherError();

        (await calls.NextAsync()).Should().BeTrue();
    }

    [Test]
    public void Constructor_MissingPath_ThrowsNamingIt()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "gone");

        var act = () => new RuleChangeWatcher([folder.Path, missing], Quiet, () => { }, Fail);

        act.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain(missing);
    }

    private static void Fail(Exception e) => Assert.Fail($"The callback threw: {e}");
}
