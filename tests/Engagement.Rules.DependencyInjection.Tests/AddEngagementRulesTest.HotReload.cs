using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Yaml.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void TryReload_ValidChange_SwapsTheRuleSetTheEvaluatorUses()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var facts = Given.For("C1", new TradeInAppraisal("C1", 900_000));
        evaluator.Evaluate(facts).Decisions.Single().Topic.Should().Be("sales.before");

        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.after"));
        var swapped = rules.TryReload(out var diagnostics);

        swapped.Should().BeTrue(Formatted(diagnostics));
        diagnostics.Should().BeEmpty("the new rules have no warning");
        rules.Generation.Should().Be(2);
        evaluator.Evaluate(facts).Decisions.Single().Topic.Should().Be("sales.after");
    }

    [Test]
    public void TryReload_BrokenChange_KeepsTheCurrentSetAndLogsEveryDiagnostic()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var logs = new FakeLoggerFactory();
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path), s => s.AddSingleton<ILoggerFactory>(logs));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var before = rules.Current;

        System.IO.File.WriteAllText(file, Given.BrokenRule);
        var swapped = rules.TryReload(out var diagnostics);

        swapped.Should().BeFalse();
        diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Error);
        diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownFactType && d.Location.File == file && d.Location.Line == 5);
        rules.Current.Should().BeSameAs(before);
        rules.Generation.Should().Be(1);
        evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000))).Decisions.Single().Topic.Should().Be("sales.before");
        logs.WithEvent(2002).Should().ContainSingle().Which.Should().Match<LogEntry>(e => e.Level == LogLevel.Error && e.Message.Contains("Custmer"));
    }

    [Test]
    public void TryReload_FolderEmptied_KeepsTheRulesInService()
    {
        // A deploy that empties the folder before copying: the reload used to swap every rule for none, silently.
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();

        System.IO.File.Delete(file);
        var swapped = rules.TryReload(out var diagnostics);

        swapped.Should().BeFalse();
        var refused = diagnostics.Should().ContainSingle().Subject;
        refused.Code.Should().Be(DiagnosticCodes.EmptyReload);
        refused.Severity.Should().Be(DiagnosticSeverity.Error);
        refused.Location.File.Should().Be("(reloaded rules)", "the registered evaluator refuses it, and does not know where the rules come from");
        refused.Message.Should().StartWith("The reloaded rules are none; the current 1 rules stay in service");
        rules.LastReload!.Succeeded.Should().BeFalse();
        rules.Generation.Should().Be(1);
        evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000))).Decisions.Single().Topic.Should().Be("sales.before");
    }

    [Test]
    public void TryReload_AfterTheContainerWasDisposed_ThrowsAndTheEvaluatorKeepsItsRules()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();

        provider.Dispose();
        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.after"));
        var reload = () => rules.TryReload(out _);

        reload.Should().Throw<ObjectDisposedException>("a reload that could change nothing must not pass for a failed one");
        evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000))).Decisions.Single().Topic.Should().Be("sales.before");
    }

    [Test]
    public void TryReload_DisposedWhileReloading_ThrowsAndTheEvaluatorKeepsItsRules()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = (RuleSetProvider)provider.GetRequiredService<IEngagementRuleSetProvider>();
        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.after"));

        // Dispose lands after TryReload's dispose check, as when it runs on another thread at that moment.
        rules.BeforeSourcesReload = provider.Dispose;
        var reload = () => rules.TryReload(out _);

        reload.Should().Throw<ObjectDisposedException>("a reload that changed nothing must not pass for a failed one with no diagnostics");
        evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000))).Decisions.Single().Topic.Should().Be("sales.before");
    }

    [Test]
    public async Task TryReload_DuringABatch_TheBatchFinishesOnTheSetItStartedWith()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var customers = Enumerable.Range(0, 6).Select(i => Given.For($"C{i}", new TradeInAppraisal($"C{i}", 900_000))).ToAsyncEnumerable();

        var topics = new System.Collections.Generic.List<string>();
        await foreach (var result in evaluator.EvaluateAsync(customers, 1, CancellationToken.None))
        {
            topics.Add(result.Decisions.Single().Topic);
            if (topics.Count == 1)
            {
                await System.IO.File.WriteAllTextAsync(file, Given.TradeInRule(topic: "sales.after"));
                rules.TryReload(out _).Should().BeTrue();
            }
        }

        topics.Should().HaveCount(6).And.OnlyContain(t => t == "sales.before");
        evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000))).Decisions.Single().Topic.Should().Be("sales.after");
    }

    [Test]
    public async Task HotReload_FileChanged_ReloadsByItself()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.HotReload = true;
            o.ReloadDelay = Duration.FromMilliseconds(50);
        });
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();

        await System.IO.File.WriteAllTextAsync(file, Given.TradeInRule(topic: "sales.after"));

        // Waits for the watcher (bounded, generously: a loaded CI machine compiles slowly); what is asserted is
        // the swap, not how fast it came.
        for (var i = 0; i < 600 && rules.Generation == 1; i++)
        {
            await Task.Delay(50);
        }

        rules.Generation.Should().BeGreaterThan(1);
        provider.GetRequiredService<IEngagementEvaluator>().Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000))).Decisions.Single().Topic.Should().Be("sales.after");
    }

    [Test]
    public async Task HotReload_WatcherOverflow_Reloads()
    {
        using var folder = new TempFolder();
        folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.HotReload = true;
            o.ReloadDelay = Duration.FromMilliseconds(50);
        });
        var rules = (RuleSetProvider)provider.GetRequiredService<IEngagementRuleSetProvider>();

        // An overflowing event buffer loses events, which may have been rule changes: no file changes here, so only
        // the watcher's Error handler (through its seam) can start the reload that the generation shows.
        rules.Watcher!.OnWatcherError();
        // LastReload is written after the swap: once it is there, so is the new generation.
        for (var i = 0; i < 600 && rules.LastReload is null; i++)
        {
            await Task.Delay(50);
        }

        rules.Generation.Should().BeGreaterThan(1);
        rules.LastReload.Should().Match<RuleSetReloadStatus>(r => r.Succeeded && r.Generation == rules.Generation, "a hot reload reports its status too");
    }

    [Test]
    public async Task HotReload_ReloadedHandlerThrows_IsLoggedAsAHandlerFailureNotAFailedReload()
    {
        // Event 2003 said "reloading failed; keeping generation N" while the new rules were in service.
        using var folder = new TempFolder();
        folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var logs = new FakeLoggerFactory();
        using var provider = Services.Build(
            o =>
            {
                o.RulePaths.Add(folder.Path);
                o.HotReload = true;
                o.ReloadDelay = Duration.FromMilliseconds(50);
            },
            s => s.AddSingleton<ILoggerFactory>(logs));
        var rules = (RuleSetProvider)provider.GetRequiredService<IEngagementRuleSetProvider>();
        rules.Reloaded += (_, _) => throw new InvalidOperationException("handler bug");

        rules.Watcher!.OnWatcherError();
        for (var i = 0; i < 600 && !logs.WithEvent(2005).Any(); i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        logs.WithEvent(2005).Should().ContainSingle().Which.Should().Match<LogEntry>(
            e => e.Exception!.Message == "handler bug" && e.Message.Contains("generation 2", StringComparison.Ordinal) && e.Message.Contains("in service", StringComparison.Ordinal));
        logs.WithEvent(2003).Should().BeEmpty("the reload itself succeeded");
        rules.LastReload!.Succeeded.Should().BeTrue();
    }

    [Test]
    public void TryReload_RaisesTheYamlProviderEvents()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.before"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var yamlProvider = provider.GetRequiredService<Yaml.Providers.IRuleSetProvider>();
        var reloaded = new System.Collections.Generic.List<Yaml.Providers.RuleSetReloadedEventArgs>();
        var failed = new System.Collections.Generic.List<Yaml.Providers.RuleSetReloadFailedEventArgs>();
        rules.Reloaded += (_, e) => reloaded.Add(e);
        yamlProvider.ReloadFailed += (_, e) => failed.Add(e);

        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.after"));
        rules.TryReload(out _);
        var good = rules.Current;
        System.IO.File.WriteAllText(file, Given.BrokenRule);
        rules.TryReload(out _);

        yamlProvider.Should().BeSameAs(rules);
        reloaded.Should().ContainSingle().Which.RuleSet.Should().BeSameAs(good);
        var failure = failed.Should().ContainSingle().Subject;
        failure.Kept.Should().BeSameAs(good);
        failure.Diagnostics.Should().Contain(d => d.Location.Line == 5 && d.Message.Contains("Custmer"));
    }

    [Test]
    public void TryReload_WhileThreadsEvaluate_EveryEvaluationUsesOneWholeSet()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.v0"));
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var facts = Given.For("C1", new TradeInAppraisal("C1", 900_000));
        var topics = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                topics.Add(evaluator.Evaluate(facts).Decisions.Single().Topic);
            }
        })).ToArray();
        for (var version = 1; version <= 5; version++)
        {
            System.IO.File.WriteAllText(file, Given.TradeInRule(topic: $"sales.v{version}"));
            rules.TryReload(out var diagnostics).Should().BeTrue(Formatted(diagnostics));
        }

        stop.Cancel();
        Task.WaitAll(readers);

        rules.Generation.Should().Be(6);
        topics.Should().NotBeEmpty().And.OnlyContain(t => t.StartsWith("sales.v", System.StringComparison.Ordinal));
        evaluator.Evaluate(facts).Decisions.Single().Topic.Should().Be("sales.v5");
    }
}
