using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>
/// Watches rule folders (with their sub-folders) and single rule files, and calls back once after the changes settle
/// (a quiet period with no further change), so that an editor's burst of writes makes one reload. The one hot-reload
/// watcher of the library: <see cref="FileSystemRuleSetProvider"/> and the dependency-injection provider both use it.
/// </summary>
/// <remarks>
/// Only changes to what a load reads count: rule files (<see cref="RuleFileFilter.IsRuleFile"/>) outside hidden
/// entries, and folders appearing or leaving (their files may come or go without an event of their own). A watched
/// single file counts only itself. A watcher error (an event buffer overflow loses events) counts as a change:
/// reloading everything is the only safe answer to not knowing what changed. Callbacks never overlap, and nothing
/// thrown by them reaches the timer thread (where it would end the process).
/// <para>
/// Shared source: compiled into Engagement.Rules.Yaml and Engagement.Rules.DependencyInjection (an internal type of
/// each), so that the separately versioned packages use only each other's public API and the watching logic stays in
/// one file.
/// </para>
/// </remarks>
internal sealed class RuleChangeWatcher : IDisposable
{
    private const NotifyFilters Changes = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    // A plain monitor, not a Lock: Dispose waits on it (Monitor.Wait) for a callback in progress.
    private readonly object _gate = new();
    private readonly TimeSpan _quietPeriod;
    private readonly Action _onQuiet;
    private readonly Action<Exception> _onFailure;
    private readonly Timer _timer;
    private readonly List<FileSystemWatcher> _watchers = [];
    private bool _disposed;
    private int _callbackThread;
    private bool _changedDuringCallback;

    /// <summary>Starts watching.</summary>
    /// <param name="paths">Rule folders (watched with their sub-folders) and single rule files.</param>
    /// <param name="quietPeriod">How long no change must come before <paramref name="onQuiet"/> is called.</param>
    /// <param name="onQuiet">Called once after each burst of changes, on a thread-pool thread.</param>
    /// <param name="onFailure">
    /// Called with what <paramref name="onQuiet"/> threw, to report it; what it throws in turn is dropped, since
    /// nothing on the timer thread could catch it.
    /// </param>
    /// <exception cref="FileNotFoundException">A path is neither a folder nor a file.</exception>
    public RuleChangeWatcher(IEnumerable<string> paths, TimeSpan quietPeriod, Action onQuiet, Action<Exception> onFailure)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(onQuiet);
        ArgumentNullException.ThrowIfNull(onFailure);
        ArgumentOutOfRangeException.ThrowIfLessThan(quietPeriod, TimeSpan.Zero);
        _quietPeriod = quietPeriod;
        _onQuiet = onQuiet;
        _onFailure = onFailure;
        _timer = new Timer(_ => OnQuiet(), null, Timeout.Infinite, Timeout.Infinite);
        try
        {
            foreach (var path in paths)
            {
                _watchers.Add(Watch(path));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops watching. Once it returns no callback runs: a pending one is dropped and one in progress is waited for
    /// (unless the callback itself disposes). Idempotent.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }

        _timer.Dispose();
        lock (_gate)
        {
            while (_callbackThread != 0 && _callbackThread != Environment.CurrentManagedThreadId)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>
    /// Whether an event under a watched folder (<paramref name="file"/> null) or about a watched single file changes
    /// what a load reads.
    /// </summary>
    internal static bool IsRuleChange(string root, string? file, FileSystemEventArgs e)
    {
        var old = (e as RenamedEventArgs)?.OldFullPath;
        if (file is not null)
        {
            return string.Equals(e.FullPath, file, PathComparison) || string.Equals(old, file, PathComparison);
        }

        return e.ChangeType switch
        {
            WatcherChangeTypes.Created => Counts(root, e.FullPath, gone: false),
            WatcherChangeTypes.Deleted => Counts(root, e.FullPath, gone: true),
            WatcherChangeTypes.Renamed => Counts(root, e.FullPath, gone: false) || (old is not null && Counts(root, old, gone: true)),
            _ => Counts(root, e.FullPath, gone: false, contentOnly: true),
        };
    }

    /// <summary>What the watcher's <see cref="FileSystemWatcher.Error"/> handler does; a test seam for an overflow.</summary>
    internal void OnWatcherError() => Schedule();

    private static bool Counts(string root, string path, bool gone, bool contentOnly = false)
    {
        var relative = Path.GetRelativePath(root, path);
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            // The loader skips hidden files and folders (editor swap files, .git), so their changes change nothing.
            if (segment.StartsWith('.'))
            {
                return false;
            }
        }

        var name = Path.GetFileName(path);
        if (RuleFileFilter.IsRuleFile(name))
        {
            return true;
        }

        if (contentOnly)
        {
            // A folder's own "changed" (Windows reports it when its entries change) adds nothing to the entries' events.
            return false;
        }

        // A folder that left cannot be told from a file any more; an extension-less name is taken for a folder
        // (a spare reload is cheap, a missed one is not).
        return gone ? Path.GetExtension(name).Length == 0 : Directory.Exists(path);
    }

    private FileSystemWatcher Watch(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var folderWatcher = new FileSystemWatcher(full) { IncludeSubdirectories = true, NotifyFilter = Changes };
            return Start(folderWatcher, full, null);
        }

        if (File.Exists(full))
        {
            var folder = Path.GetDirectoryName(full)!;
            var fileWatcher = new FileSystemWatcher(folder, Path.GetFileName(full)) { NotifyFilter = Changes };
            return Start(fileWatcher, folder, full);
        }

        throw new FileNotFoundException($"Cannot watch '{path}' for rule changes: it is neither a folder nor a file.", path);
    }

    private FileSystemWatcher Start(FileSystemWatcher watcher, string root, string? file)
    {
        try
        {
            watcher.Changed += (_, e) => OnEvent(root, file, e);
            watcher.Created += (_, e) => OnEvent(root, file, e);
            watcher.Deleted += (_, e) => OnEvent(root, file, e);
            watcher.Renamed += (_, e) => OnEvent(root, file, e);
            watcher.Error += (_, _) => OnWatcherError();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    private void OnEvent(string root, string? file, FileSystemEventArgs e)
    {
        bool relevant;
        try
        {
            relevant = IsRuleChange(root, file, e);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An odd path the checks cannot take: reload rather than miss a change (and never throw on the watcher's thread).
            relevant = true;
        }

        if (relevant)
        {
            Schedule();
        }
    }

    private void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnQuiet()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_callbackThread != 0)
            {
                // Changes settled while the previous callback still runs: call again after it, never alongside it.
                _changedDuringCallback = true;
                return;
            }

            _callbackThread = Environment.CurrentManagedThreadId;
        }

        try
        {
            _onQuiet();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Report(e);
        }
        finally
        {
            lock (_gate)
            {
                _callbackThread = 0;
                if (_changedDuringCallback && !_disposed)
                {
                    _changedDuringCallback = false;
                    _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
                }

                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Report(Exception e)
    {
        try
        {
            _onFailure(e);
        }
        catch (Exception second) when (second is not OutOfMemoryException)
        {
            // The report failed too; nothing more can be said from the timer thread.
        }
    }
}
