using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Diagnostics;
using NodaTime;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>
/// Serves the rule set loaded from a folder and reloads it when its rule files change (after a quiet
/// period, so that an editor's several writes make one reload). The new set replaces the current one
/// atomically, and only when it loads and compiles cleanly; otherwise the old set stays and
/// <see cref="ReloadFailed"/> reports why.
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
    private readonly string _folder;
    private readonly RuleFileLoader _loader;
    private readonly TimeSpan _debounce;
    private readonly Lock _reloadGate = new();
    private readonly RuleChangeWatcher _watcher;
    private CompiledRuleSet _current;

    /// <summary>Loads the folder and starts watching it.</summary>
    /// <param name="folder">The rule folder (see <see cref="RuleFileLoader.Load"/> for which files count).</param>
    /// <param name="options">The loader options; <see cref="RuleLoaderOptions.Default"/> when null.</param>
    /// <param name="reloadDelay">The quiet period after the last change before reloading; 500 ms when null.</param>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="reloadDelay"/> is negative, or <paramref name="options"/> are invalid
    /// (<see cref="RuleLoaderOptions.GetErrors"/>).
    /// </exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="RuleSetLoadException">
    /// The rule files do not load, or the engine rejects a loaded rule (ER0050 at that rule's location).
    /// </exception>
    public FileSystemRuleSetProvider(string folder, RuleLoaderOptions? options = null, Duration? reloadDelay = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The rule folder '{folder}' does not exist.");
        }

        _folder = folder;
        _loader = new RuleFileLoader(options);
        _debounce = (reloadDelay ?? Duration.FromMilliseconds(500)).ToTimeSpan();
        if (_debounce < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reloadDelay), "The quiet period cannot be negative.");
        }

        var (ruleSet, diagnostics) = LoadAndCompile();
        _current = ruleSet ?? throw new RuleSetLoadException(diagnostics);
        _watcher = new RuleChangeWatcher([folder], _debounce, () => TryReload(), ReportHandlerFailure);
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

            if (ruleSet.Rules.Count == 0 && Current.Rules.Count > 0)
            {
                // A deploy that empties the folder before copying the new files in would otherwise replace every rule
                // by none, and touches would stop without an error anywhere.
                var empty = new RuleDiagnostic(
                    DiagnosticCodes.EmptyReload,
                    DiagnosticSeverity.Error,
                    new SourceLocation(_folder, 1, 1),
                    $"The folder now holds no rules; the current {Current.Rules.Count} rules stay in service (a reload to no rules at all is refused: a folder emptied for a moment would stop every touch).");
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

    private (CompiledRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics) LoadAndCompile()
    {
        var result = _loader.Load([_folder]);
        if (!result.Success)
        {
            return (null, result.Diagnostics);
        }

        return RuleSetCompiler.TryCompile(result, _folder, out var ruleSet, out var errors)
            ? (ruleSet, result.Diagnostics)
            : (null, result.Diagnostics.Concat(errors).ToArray());
    }

    /// <summary>
    /// A <see cref="Reloaded"/> or <see cref="ReloadFailed"/> handler threw on the watcher's timer thread, where nothing
    /// could catch it. The swap (or the keeping of the old set) has already happened; report through ReloadFailed.
    /// </summary>
    private void ReportHandlerFailure(Exception e)
    {
        var failure = new RuleDiagnostic(
            DiagnosticCodes.RuleSetRejected,
            DiagnosticSeverity.Error,
            new SourceLocation(_folder, 1, 1),
            $"A reload event handler threw: {e.Message}");
        ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs([failure], Current));
    }
}
