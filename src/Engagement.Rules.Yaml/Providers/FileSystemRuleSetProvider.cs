using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Diagnostics;
using NodaTime;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>
/// Serves the rule set loaded from rule files and folders (read as <see cref="RuleFileLoader.Load"/> reads them, all
/// together) and reloads it when one of their rule files changes (after a quiet period, so that an editor's several
/// writes make one reload). The new set replaces the current one atomically, and only when it loads and compiles
/// cleanly and has rules (a reload to no rules at all is refused, ER0051); otherwise the old set stays and
/// <see cref="ReloadFailed"/> reports why. To evaluate with the rules it serves, following its reloads, see
/// <see cref="ReloadingEngagementEvaluator"/>. One folder: <c>new FileSystemRuleSetProvider(["rules"])</c>.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Current"/> may be read from any thread while a reload runs. Reloads run one at a time,
/// and <see cref="Reloaded"/> and <see cref="ReloadFailed"/> are raised on the thread that reloads (a timer thread for
/// a file change, the caller's for <see cref="TryReload"/>) after the swap (or the keeping of the current set), while
/// the reload still holds its lock: a handler must not wait for a reload on another thread, nor dispose the provider
/// (read <see cref="Current"/>, log, and return). A handler that throws from <see cref="TryReload"/> throws to its caller; from a file change, its
/// exception is reported through <see cref="ReloadFailed"/> (ER0050). Dispose it to stop watching; it does not own the
/// rule sets it served, which stay usable.
/// </remarks>
public sealed class FileSystemRuleSetProvider : IRuleSetProvider, IDisposable
{
    private readonly string[] _paths;
    private readonly string _source;
    private readonly Func<IReadOnlyList<string>, RuleLoadResult> _load;
    private readonly Lock _reloadGate = new();
    private readonly RuleChangeWatcher _watcher;
    private CompiledRuleSet _current;

    /// <summary>Loads rule folders and files together, as one rule set, and starts watching each of them.</summary>
    /// <param name="paths">
    /// Rule folders and files, as <see cref="RuleFileLoader.Load"/> takes them: the same files count, a file reached
    /// twice (a folder and a file in it, a path given twice) is read once, and rule ids are unique across all of them.
    /// </param>
    /// <param name="options">The loader options; <see cref="RuleLoaderOptions.Default"/> when null.</param>
    /// <param name="reloadDelay">The quiet period after the last change before reloading; 500 ms when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="reloadDelay"/> is negative, or <paramref name="options"/> are invalid
    /// (<see cref="RuleLoaderOptions.GetErrors"/>).
    /// </exception>
    /// <exception cref="RuleSetLoadException">
    /// The rule files do not load (each missing or empty path is an ER0001 error, as for the loader; every problem of
    /// every path is listed), or the engine rejects a loaded rule (ER0050 at that rule's location).
    /// </exception>
    public FileSystemRuleSetProvider(IEnumerable<string> paths, RuleLoaderOptions? options = null, Duration? reloadDelay = null)
        : this(paths, options, reloadDelay, load: null)
    {
    }

    /// <summary>Creates a provider that loads its paths with <paramref name="load"/> (tests give rules the loader would not build).</summary>
    internal FileSystemRuleSetProvider(IEnumerable<string> paths, RuleLoaderOptions? options, Duration? reloadDelay, Func<IReadOnlyList<string>, RuleLoadResult>? load)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = [.. paths]; // a copy: the caller's list may change afterwards
        if (_paths.Length == 0)
        {
            throw new ArgumentException("No rule path given; pass at least one rule folder or file.", nameof(paths));
        }

        var debounce = (reloadDelay ?? Duration.FromMilliseconds(500)).ToTimeSpan();
        if (debounce < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reloadDelay), "The quiet period cannot be negative.");
        }

        _source = string.Join(", ", _paths);
        _load = load ?? new RuleFileLoader(options).Load;

        // Loaded before watching: the loader reports a missing path as it always does (ER0001, with every other
        // problem), where a watcher could only throw for the first one.
        var (ruleSet, diagnostics) = LoadAndCompile();
        _current = ruleSet ?? throw new RuleSetLoadException(diagnostics);
        _watcher = new RuleChangeWatcher(_paths, debounce, () => TryReload(), ReportHandlerFailure);
    }

    /// <inheritdoc />
    public CompiledRuleSet Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    /// <inheritdoc />
    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    /// <summary>
    /// Reloads now, as a file change would; raises <see cref="Reloaded"/> or <see cref="ReloadFailed"/>. Rules that
    /// do not load are not an exception: the current set is kept and <see cref="ReloadFailed"/> carries every diagnostic.
    /// </summary>
    /// <returns><see langword="true"/> when a new rule set replaced the current one.</returns>
    public bool TryReload()
    {
        lock (_reloadGate)
        {
            var (ruleSet, diagnostics) = LoadAndCompile();
            if (ruleSet is null)
            {
                ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs(diagnostics, Current));
                return false;
            }

            if (ReloadRefusal.Empty(ruleSet, Current, _source) is { } empty)
            {
                ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs([.. diagnostics, empty], Current));
                return false;
            }

            Volatile.Write(ref _current, ruleSet);
            Reloaded?.Invoke(this, new RuleSetReloadedEventArgs(ruleSet, diagnostics));
            return true;
        }
    }

    /// <summary>Stops watching; once it returns, no reload starts from a file change.</summary>
    public void Dispose() => _watcher.Dispose();

    /// <summary>True on the thread of a reload in progress, where the events are raised: tests pin that they all are.</summary>
    internal bool IsReloadingOnThisThread => _reloadGate.IsHeldByCurrentThread;

    private (CompiledRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics) LoadAndCompile()
    {
        var result = _load(_paths);
        if (!result.Success)
        {
            return (null, result.Diagnostics);
        }

        // A rule without a recorded start is cited at every path, as the provider's other diagnostics cite its source:
        // nothing says which of them it came from.
        return RuleSetCompiler.TryCompile(result, _source, out var ruleSet, out var errors)
            ? (ruleSet, result.Diagnostics)
            : (null, result.Diagnostics.Concat(errors).ToArray());
    }

    /// <summary>
    /// A <see cref="Reloaded"/> or <see cref="ReloadFailed"/> handler threw on the watcher's timer thread, where nothing
    /// could catch it. The swap (or the keeping of the old set) has already happened; report through ReloadFailed,
    /// under the reload lock as every event: not concurrently with a <see cref="TryReload"/> on another thread, and
    /// with the set kept as it is.
    /// </summary>
    private void ReportHandlerFailure(Exception e)
    {
        var failure = new RuleDiagnostic(
            DiagnosticCodes.RuleSetRejected,
            DiagnosticSeverity.Error,
            new SourceLocation(_source, 1, 1),
            $"A reload event handler threw: {e.Message}");
        lock (_reloadGate)
        {
            ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs([failure], Current));
        }
    }
}
