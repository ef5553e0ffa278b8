using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Engagement.Rules.Engine;
using Engagement.Rules.Policies;
using Engagement.Rules.Telemetry;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Providers;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The registered provider: the configured rule sources (<see cref="ConfiguredRuleSets"/>) followed by the YAML
/// package's <see cref="ReloadingEngagementEvaluator"/>, which is the registered evaluator and decides whether a
/// reloaded set replaces the rules in service (not empty, fits the policy options); this class counts generations,
/// records the last reload, logs, and watches the rule paths with hot reload. <see cref="Current"/> is the evaluator's
/// set: the rules evaluations use.
/// </summary>
internal sealed class RuleSetProvider : IEngagementRuleSetProvider, IDisposable
{
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly ConfiguredRuleSets _sources;
    private readonly ReloadingEngagementEvaluator _evaluator;
    private readonly RuleChangeWatcher? _watcher;
    private RuleSetSnapshot _state;
    private volatile bool _disposed;

    // How the reload in progress ended, as the evaluator reported it (set under the reload lock, on its thread).
    private (bool Succeeded, IReadOnlyList<RuleDiagnostic> Diagnostics)? _outcome;

    // The last exception a Reloaded handler threw, already logged (event 2005): the watcher does not log it as 2003.
    private Exception? _handlerFailure;

    public RuleSetProvider(EngagementRulesOptions options, IClock clock, EngagementTelemetry telemetry, ILoggerFactory? loggerFactory)
    {
        _clock = clock;
        _logger = loggerFactory?.CreateLogger("Engagement.Rules.DependencyInjection") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _sources = new ConfiguredRuleSets(options, _logger);
        try
        {
            _evaluator = new ReloadingEngagementEvaluator(_sources, clock, options.Policy, telemetry, options.Session);
        }
        catch (PolicyOptionsException ex)
        {
            // The options were valid on their own (AddEngagementRules checked them) but name rules these rules lack.
            throw new EngagementRulesConfigurationException($"The policy options do not fit the rules: {ex.Errors.Count} error(s).", [.. ex.Errors.Select(e => "Policy: " + e)]);
        }

        _evaluator.Reloaded += OnReloaded;
        _evaluator.ReloadFailed += OnReloadFailed;
        _state = new RuleSetSnapshot(1);
        HostingLog.RulesLoaded(_logger, _evaluator.Current.Rules.Count, 1, _evaluator.Current.Fingerprint);
        if (options.HotReload)
        {
            // The watcher never lets an exception reach its timer thread: a failed reload is logged, the rules are kept.
            _watcher = new RuleChangeWatcher(options.RulePaths, options.ReloadDelay.ToTimeSpan(), () => TryReload(out _), ReportWatcherFailure);
            foreach (var path in options.RulePaths)
            {
                HostingLog.WatchingRules(_logger, path);
            }
        }
    }

    public event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    public CompiledRuleSet Current => _evaluator.Current;

    public int Generation => Volatile.Read(ref _state).Generation;

    public RuleSetReloadStatus? LastReload => Volatile.Read(ref _state).LastReload;

    /// <summary>The registered evaluator: it follows the configured sources' reloads.</summary>
    internal ReloadingEngagementEvaluator Evaluator => _evaluator;

    /// <summary>Run by <see cref="TryReload"/> after its dispose check, before the sources reload; tests dispose there (a race made certain).</summary>
    internal Action? BeforeSourcesReload { get; set; }

    /// <summary>The hot-reload watcher (null without hot reload); tests drive its overflow seam.</summary>
    internal RuleChangeWatcher? Watcher => _watcher;

    public bool TryReload(out IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        lock (_reloadLock)
        {
            // Disposed, the evaluator follows no reload: one now would change nothing, and must not look like a failure.
            ObjectDisposedException.ThrowIf(_disposed, this);
            _outcome = null;

            // Raises, on this thread, the evaluator's Reloaded or ReloadFailed, which set the outcome (before any
            // handler of the host's runs).
            BeforeSourcesReload?.Invoke();
            _sources.Reload();
            if (_outcome is not { } outcome)
            {
                // The evaluator reported nothing: Dispose ran on another thread after the check above and it stopped
                // following the sources. The reload changed nothing, as after a dispose: not "kept, no diagnostics".
                ObjectDisposedException.ThrowIf(_disposed, this);
                outcome = (false, []);
            }

            diagnostics = outcome.Diagnostics;
            return outcome.Succeeded;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _evaluator.Dispose();
    }

    private void OnReloaded(object? sender, RuleSetReloadedEventArgs e)
    {
        var generation = Volatile.Read(ref _state).Generation + 1;
        Volatile.Write(ref _state, new RuleSetSnapshot(generation, new RuleSetReloadStatus(_clock.GetCurrentInstant(), true, generation, e.RuleSet.Fingerprint, e.Warnings)));
        _outcome = (true, e.Warnings);
        HostingLog.RulesLoaded(_logger, e.RuleSet.Rules.Count, generation, e.RuleSet.Fingerprint);
        try
        {
            Reloaded?.Invoke(this, e);
        }
        catch (Exception ex) when (NoteHandlerFailure(ex, generation))
        {
            // Not reached: the filter logs the handler's failure and lets it go on to the caller as it was.
        }
    }

    /// <summary>A reload that does not replace the current rules: logged, recorded, and reported through <see cref="ReloadFailed"/>.</summary>
    private void OnReloadFailed(object? sender, RuleSetReloadFailedEventArgs e)
    {
        var state = Volatile.Read(ref _state);
        Volatile.Write(ref _state, state with { LastReload = new RuleSetReloadStatus(_clock.GetCurrentInstant(), false, state.Generation, e.Kept.Fingerprint, e.Diagnostics) });
        _outcome = (false, e.Diagnostics);
        HostingLog.ReloadRejected(_logger, state.Generation, e.Kept.Fingerprint, e.Diagnostics.Count, string.Join("\n", e.Diagnostics.Select(d => d.Format())));
        ReloadFailed?.Invoke(this, e);
    }

    /// <summary>
    /// Logs a Reloaded handler's exception as such (the new rules are in service), and remembers it so that the hot-reload
    /// watcher, which sees it next, does not log it again as a failed reload. Returns false: the exception goes on.
    /// </summary>
    private bool NoteHandlerFailure(Exception exception, int generation)
    {
        HostingLog.ReloadedHandlerFailed(_logger, generation, exception);
        _handlerFailure = exception;
        return false;
    }

    private void ReportWatcherFailure(Exception exception)
    {
        if (!ReferenceEquals(exception, Interlocked.Exchange(ref _handlerFailure, null)))
        {
            HostingLog.ReloadFailed(_logger, Generation, exception);
        }
    }
}
