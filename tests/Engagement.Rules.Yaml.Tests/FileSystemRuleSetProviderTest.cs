using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Providers;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests;

public sealed partial class FileSystemRuleSetProviderTest
{
    private static string Rule(string id) => RuleFileLoaderTest.SignalRule.Replace("{0}", id, StringComparison.Ordinal);

    [Test]
    public void Constructor_ValidFolder_ServesItsRules()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));

        using var provider = new FileSystemRuleSetProvider([folder.Path]);

        provider.Current.Rules.Select(r => r.Id).Should().Equal("first");
    }

    [Test]
    public void Constructor_SeveralPaths_LoadsThemTogetherAsOneSet()
    {
        using var folder = new TempFolder();
        folder.Write("rules/a.yaml", Rule("first"));
        var single = folder.Write("shared/b.yaml", Rule("second"));

        using var provider = new FileSystemRuleSetProvider([System.IO.Path.Combine(folder.Path, "rules"), single]);

        provider.Current.Rules.Select(r => r.Id).Should().Equal("first", "second");
    }

    [Test]
    public void Constructor_SameFileReachedTwice_ReadsItOnceAsTheLoaderDoes()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", Rule("first"));

        using var provider = new FileSystemRuleSetProvider([folder.Path, file, folder.Path]);

        provider.Current.Rules.Select(r => r.Id).Should().Equal("first");
    }

    [Test]
    public void Constructor_MissingAndEmptyPaths_ThrowWithTheLoadersER0001ForEach()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        var missing = System.IO.Path.Combine(folder.Path, "no-such-folder");

        var act = () => new FileSystemRuleSetProvider([folder.Path, missing, " "]);

        act.Should().Throw<RuleSetLoadException>().Which.Diagnostics.Select(d => (d.Code, d.Location.File)).Should().BeEquivalentTo(
            [(DiagnosticCodes.FileNotFound, missing), (DiagnosticCodes.FileNotFound, "(no path)")]);
    }

    [Test]
    public void Constructor_SameRuleIdInTwoPaths_ThrowsWithER1001()
    {
        using var folder = new TempFolder();
        var first = folder.Write("one/a.yaml", Rule("first"));
        var second = folder.Write("two/a.yaml", Rule("first"));

        var act = () => new FileSystemRuleSetProvider([first, second]);

        act.Should().Throw<RuleSetLoadException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.DuplicateRuleId && d.Location.File == second);
    }

    [Test]
    public void Constructor_NoPath_ThrowsNamingTheParameter()
    {
        var none = () => new FileSystemRuleSetProvider([]);
        var nullList = () => new FileSystemRuleSetProvider((IEnumerable<string>)null!);

        none.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("paths");
        nullList.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("paths");
    }

    [Test]
    public void Watcher_ChangeToAWatchedSingleFile_Reloads()
    {
        using var folder = new TempFolder();
        folder.Write("rules/a.yaml", Rule("first"));
        var single = folder.Write("shared/b.yaml", Rule("second"));
        using var provider = new FileSystemRuleSetProvider([System.IO.Path.Combine(folder.Path, "rules"), single], reloadDelay: Duration.FromMilliseconds(50));
        var events = new BlockingCollection<string>();
        provider.Reloaded += (_, e) => events.Add("reloaded:" + string.Join(",", e.RuleSet.Rules.Select(r => r.Id)));

        File.WriteAllText(single, Rule("changed"));

        Next(events, "reloaded:").Should().Be("reloaded:first,changed");
    }

    [Test]
    public void Constructor_BrokenFolder_ThrowsWithDiagnostics()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("Bad Id"));

        var act = () => new FileSystemRuleSetProvider([folder.Path]);

        act.Should().Throw<RuleSetLoadException>().Which.Diagnostics.Select(d => d.Code).Should().Equal("ER1002");
    }

    [Test]
    public void TryReload_ValidChange_SwapsAndRaisesReloaded()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        RuleSetReloadedEventArgs? reloaded = null;
        provider.Reloaded += (_, e) => reloaded = e;

        folder.Write("b.yaml", Rule("second"));
        var swapped = provider.TryReload();

        swapped.Should().BeTrue();
        provider.Current.Rules.Select(r => r.Id).Should().Equal("first", "second");
        reloaded!.RuleSet.Should().BeSameAs(provider.Current);
    }

    [Test]
    public void TryReload_BrokenChange_KeepsTheOldSetAndReports()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        var before = provider.Current;
        RuleSetReloadFailedEventArgs? failed = null;
        provider.ReloadFailed += (_, e) => failed = e;

        folder.Write("a.yaml", Rule("first").Replace("signal", "signl", StringComparison.Ordinal));
        folder.Write("b.yaml", Rule("second"));
        var swapped = provider.TryReload();

        swapped.Should().BeFalse();
        provider.Current.Should().BeSameAs(before, "a broken change never replaces a working set, not even in part");
        failed!.Kept.Should().BeSameAs(before);
        failed.Diagnostics.Select(d => d.Code).Should().Equal("ER0020");
    }

    [Test]
    public void TryReload_FolderEmptied_KeepsTheRulesInServiceAndReports()
    {
        // A deploy that empties the folder before copying: the reload used to swap every rule for none, silently.
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        var before = provider.Current;
        RuleSetReloadFailedEventArgs? failed = null;
        provider.ReloadFailed += (_, e) => failed = e;

        File.Delete(file);
        var swapped = provider.TryReload();

        swapped.Should().BeFalse();
        provider.Current.Should().BeSameAs(before);
        var refused = failed!.Diagnostics.Should().ContainSingle().Subject;
        refused.Code.Should().Be(DiagnosticCodes.EmptyReload);
        refused.Message.Should().StartWith("The reloaded rules are none; the current 1 rules stay in service");
    }

    [Test]
    public void TryReload_NamedPipeAppearedInTheFolder_KeepsTheRulesAndReportsER0006InsteadOfHanging()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        var before = provider.Current;
        RuleSetReloadFailedEventArgs? failed = null;
        provider.ReloadFailed += (_, e) => failed = e;
        var pipe = Support.NamedPipe.Create(System.IO.Path.Combine(folder.Path, "b.yaml"));

        var swapped = Support.NamedPipe.WithoutHanging(pipe, provider.TryReload);

        swapped.Should().BeFalse();
        provider.Current.Should().BeSameAs(before);
        failed!.Diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.FileUnreadable);
    }

    [Test]
    public void Constructor_RuleTheEngineRejects_ThrowsWithER0050AtTheRule()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.yaml", Support.EngineRejectedRules.File);

        var act = () => new FileSystemRuleSetProvider([folder.Path], Support.EngineRejectedRules.Options);

        var diagnostic = act.Should().Throw<RuleSetLoadException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be("ER0050");
        diagnostic.RuleId.Should().Be("haunted");
        diagnostic.Location.Should().Be(new Diagnostics.SourceLocation(path, Support.EngineRejectedRules.Line, Support.EngineRejectedRules.Column));
    }

    [Test]
    public void Constructor_SeveralPathsAndARejectedRuleWithoutALocation_CitesEveryPathNotTheFirst()
    {
        using var folder = new TempFolder();
        var first = folder.Write("rules/a.yaml", Rule("first"));
        var second = folder.Write("shared/b.yaml", Support.EngineRejectedRules.File);

        // Loaded rules always record where they start; the seam drops it, as for rules some other loader built.
        var act = () => new FileSystemRuleSetProvider([first, second], Support.EngineRejectedRules.Options, reloadDelay: null, paths =>
        {
            var loaded = new RuleFileLoader(Support.EngineRejectedRules.Options).Load(paths);
            return new RuleLoadResult(loaded.Rules.Select(Unlocated).ToArray(), loaded.Diagnostics, loaded.Sources);
        });

        var diagnostic = act.Should().Throw<RuleSetLoadException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be("ER0050");
        diagnostic.RuleId.Should().Be("haunted");
        diagnostic.Location.Should().Be(new Diagnostics.SourceLocation($"{first}, {second}", 1, 1), "nothing says which path the rule came from");
    }

    private static Engine.Model.RuleDefinition Unlocated(Engine.Model.RuleDefinition rule) =>
        new(rule.Id, rule.LeftHandSide, rule.Actions, rule.Priority, rule.Description, rule.Tags, properties: null, rule.Repeatability);

    [Test]
    public void TryReload_RuleTheEngineRejects_KeepsTheOldSetAndReportsER0050AtTheRule()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], Support.EngineRejectedRules.Options, Duration.FromHours(1));
        var before = provider.Current;
        RuleSetReloadFailedEventArgs? failed = null;
        provider.ReloadFailed += (_, e) => failed = e;

        var path = folder.Write("b.yaml", Support.EngineRejectedRules.File);
        var swapped = provider.TryReload();

        swapped.Should().BeFalse();
        provider.Current.Should().BeSameAs(before);
        failed!.Diagnostics.Select(d => d.Format()).Should().Equal(
            $"{path}:{Support.EngineRejectedRules.Line}:{Support.EngineRejectedRules.Column}: error ER0050: The rule engine rejected this rule: " +
            "a condition of 'customer' refers to 'ghost', which is not bound before it. [rule haunted]");
    }

    [Test]
    public void Watcher_FileChanges_ReloadOnceQuietAndRecoverAfterAFix()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromMilliseconds(100));
        var events = new BlockingCollection<string>();
        provider.Reloaded += (_, e) => events.Add("reloaded:" + string.Join(",", e.RuleSet.Rules.Select(r => r.Id)));
        provider.ReloadFailed += (_, e) => events.Add("failed:" + string.Join(",", e.Diagnostics.Select(d => d.Code)));

        folder.Write("a.yaml", "apiVersion: engagement-rules/v1\nrules: [");
        _ = Next(events, "failed:");
        provider.Current.Rules.Select(r => r.Id).Should().Equal("first");

        folder.Write("a.yaml", Rule("fixed"));
        _ = Next(events, "reloaded:");
        provider.Current.Rules.Select(r => r.Id).Should().Equal("fixed");
    }

    [Test]
    public void Watcher_ReloadedHandlerThrows_ReportedThroughReloadFailed()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromMilliseconds(50));
        var events = new BlockingCollection<string>();
        provider.Reloaded += (_, _) => throw new InvalidOperationException("handler bug");
        provider.ReloadFailed += (_, e) => events.Add("failed:" + string.Join(",", e.Diagnostics.Select(d => d.Code + " " + d.Message)));

        folder.Write("a.yaml", Rule("second"));

        // On the watcher's timer thread the exception would end the process; it is reported instead.
        var failed = Next(events, "failed:");
        failed.Should().Be("failed:ER0050 A reload event handler threw: handler bug");
        provider.Current.Rules.Select(r => r.Id).Should().Equal("second");
    }

    [Test]
    public void Watcher_ReloadedHandlerThrows_ReportIsRaisedUnderTheReloadLock()
    {
        // The report ran outside the lock: concurrently with a host's TryReload on another thread, whose events the
        // remarks promise are raised one reload at a time.
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromMilliseconds(50));
        var events = new BlockingCollection<string>();
        provider.Reloaded += (_, _) => throw new InvalidOperationException("handler bug");
        provider.ReloadFailed += (_, e) => events.Add($"failed:{e.Diagnostics[0].Code} under lock: {provider.IsReloadingOnThisThread}");

        folder.Write("a.yaml", Rule("second"));

        Next(events, "failed:").Should().Be("failed:ER0050 under lock: True");
    }

    [Test]
    public void Constructor_NegativeReloadDelay_ThrowsNamingTheParameter()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));

        var act = () => new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromMilliseconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("reloadDelay");
    }

    [Test]
    public void ReloadFailedEventArgs_CallerChangesItsListAfterwards_KeepsTheDiagnosticsGiven()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        var diagnostic = new RuleDiagnostic(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error, new SourceLocation("a.yaml", 1, 1), "broken");
        var diagnostics = new List<RuleDiagnostic> { diagnostic };

        var args = new RuleSetReloadFailedEventArgs(diagnostics, provider.Current);
        diagnostics.Clear();

        args.Diagnostics.Should().Equal(diagnostic);
        args.Kept.Should().BeSameAs(provider.Current);
        var noList = () => new RuleSetReloadFailedEventArgs(null!, provider.Current);
        noList.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("diagnostics");
    }

    /// <summary>Waits (generously, it is not a timing assertion) for the next event of a kind.</summary>
    private static string Next(BlockingCollection<string> events, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = events.Take(timeout.Token);
            if (next.StartsWith(prefix, StringComparison.Ordinal))
            {
                return next;
            }
        }
    }
}
