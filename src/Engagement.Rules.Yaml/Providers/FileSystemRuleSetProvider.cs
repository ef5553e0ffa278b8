using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Loading;
using NodaTime;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>
/// Serves the rule set loaded from a folder and reloads it when its rule files change (after a quiet
/// period, so that an editor's several writes make one reload). The new set replaces the current one
/// atomically, and only when it loads and compiles cleanly; otherwise the old set stays and
/// <see cref="ReloadFailed"/> reports why.
/// </summary>
public sealed class FileSystemRuleSetProvider : IRuleSetProvider, IDisposable
{
    private readonly string _folder;
    private readonly RuleFileLoader _loader;
    private readonly TimeSpan _debounce;
    private readonly Lock _reloadGate = new();
    private readonly Lock _stateGate = new();
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private CompiledRuleSet _current;
    private bool _disposed;

    /// <summary>Loads the folder and starts watching it.</summary>
    /// <param name="folder">The rule folder (see <see cref="RuleFileLoader.Load"/> for which files count).</param>
    /// <param name="options">The loader options; <see cref="RuleLoaderOptions.Default"/> when null.</param>
    /// <param name="debounce">The quiet period after the last change before reloading; 500 ms when null.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="RuleSetLoadException">
    /// The rule files do not load, or the engine rejects a loaded rule (ER0050 at that rule's location).
    /// </exception>
    public FileSystemRuleSetProvider(string folder, RuleLoaderOptions? options = null, Duration? debounce = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The rule folder '{folder}' does not exist.");
        }

        _folder = folder;
        _loader = new RuleFileLoader(options);
        _debounce = (debounce ?? Duration.FromMilliseconds(500)).ToTimeSpan();
        if (_debounce < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(debounce), "The quiet period cannot be negative.");
        }

        var (ruleSet, diagnostics) = LoadAndCompile();
        _current = ruleSet ?? throw new RuleSetLoadException(diagnostics);
        _timer = new Timer(_ => OnQuiet(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.Error += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
    }

    /// <inheritdoc />
    public CompiledRuleSet Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    /// <inheritdoc />
    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    /// <summary>Reloads now, as a file change would; raises <see cref="Reloaded"/> or <see cref="ReloadFailed"/>.</summary>
    /// <returns><see langword="true"/> when a new rule set replaced the current one.</returns>
    public bool Reload()
    {
        lock (_reloadGate)
        {
            var (ruleSet, diagnostics) = LoadAndCompile();
            if (ruleSet is null)
            {
                ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs(diagnostics, Current));
                return false;
            }

            Volatile.Write(ref _current, ruleSet);
            Reloaded?.Invoke(this, new RuleSetReloadedEventArgs(ruleSet, diagnostics));
            return true;
        }
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        lock (_stateGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watcher.EnableRaisingEvents = false;
            _watcher.Dispose();
            _timer.Dispose();
        }
    }

    private (CompiledRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics) LoadAndCompile()
    {
        var result = _loader.Load([_folder]);
        if (!result.Success)
        {
            return (null, result.Diagnostics);
        }

        return RuleSetCompiler.TryCompile(result.Rules, _folder, out var ruleSet, out var errors)
            ? (ruleSet, result.Diagnostics)
            : (null, result.Diagnostics.Concat(errors).ToArray());
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (Directory.Exists(e.FullPath) || RuleFileSet.IsRuleFile(Path.GetFileName(e.FullPath))
            || (e is RenamedEventArgs renamed && RuleFileSet.IsRuleFile(Path.GetFileName(renamed.OldFullPath))))
        {
            Schedule();
        }
    }

    private void Schedule()
    {
        // A separate gate from reloading: file events are never held up by a reload in progress.
        lock (_stateGate)
        {
            if (!_disposed)
            {
                _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnQuiet()
    {
        if (Volatile.Read(ref _disposed))
        {
            return;
        }

        try
        {
            Reload();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An event handler threw on the timer thread, where nothing could catch it and the process would
            // end. The swap (or the keeping of the old set) has already happened; report through ReloadFailed.
            var failure = new RuleDiagnostic(
                DiagnosticCodes.RuleSetRejected,
                DiagnosticSeverity.Error,
                new SourceLocation(_folder, 1, 1),
                $"A reload event handler threw: {e.Message}");
            try
            {
                ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs([failure], Current));
            }
            catch (Exception second) when (second is not OutOfMemoryException)
            {
                // The handler failed again; nothing more can be reported from this thread.
            }
        }
    }
}
