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
/// Loads the configured rules, holds the current generation (rules + evaluator) and, with hot reload, watches the
/// rule paths. Readers take the current snapshot with one volatile read; reloads are serialised and publish a
/// new snapshot only when the rules load cleanly, so an evaluation in flight keeps the snapshot it started with.
/// </summary>
internal sealed class RuleSetProvider : IEngagementRuleSetProvider, IDisposable
{
    private readonly EngagementRulesOptions _options;
    private readonly IClock _clock;
    private readonly EngagementTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly RuleChangeWatcher? _watcher;
    private RuleSetSnapshot _current;

    public RuleSetProvider(EngagementRulesOptions options, IClock clock, EngagementTelemetry telemetry, ILoggerFactory? loggerFactory)
    {
        _options = options;
        _clock = clock;
        _telemetry = telemetry;
        _logger = loggerFactory?.CreateLogger("Engagement.Rules.DependencyInjection") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var load = RuleSources.Load(options);
        LogWarnings(load);
        if (load.Rules is null)
        {
            throw new EngagementRulesConfigurationException($"The engagement rules do not load: {load.Errors.Count} error(s).", load.FormattedErrors);
        }

        try
        {
            _current = Snapshot(load.Rules, 1);
        }
        catch (PolicyOptionsException ex)
        {
            // The options were valid on their own (AddEngagementRules checked them) but name rules these rules lack.
            throw new EngagementRulesConfigurationException($"The policy options do not fit the rules: {ex.Errors.Count} error(s).", PolicyErrors(ex));
        }

        HostingLog.RulesLoaded(_logger, load.Rules.Rules.Count, 1);
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

    // The last exception a Reloaded handler threw, already logged (event 2005): the watcher does not log it as 2003.
    private Exception? _handlerFailure;

    public event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    public CompiledRuleSet Current => Volatile.Read(ref _current).Rules;

    public int Generation => Volatile.Read(ref _current).Generation;

    public RuleSetReloadStatus? LastReload => Volatile.Read(ref _current).LastReload;

    /// <summary>The hot-reload watcher (null without hot reload); tests drive its overflow seam.</summary>
    internal RuleChangeWatcher? Watcher => _watcher;

    internal RuleSetSnapshot Snapshot() => Volatile.Read(ref _current);

    public bool TryReload(out IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        lock (_reloadLock)
        {
            var load = RuleSources.Load(_options);
            LogWarnings(load);
            var current = Volatile.Read(ref _current);
            if (load.Rules is null)
            {
                diagnostics = load.Errors;
                return Reject(current, diagnostics);
            }

            if (load.Rules.Rules.Count == 0 && current.Rules.Rules.Count > 0)
            {
                // A deploy that empties the folders before copying the new files in would otherwise replace every
                // rule by none, and touches would stop without an error anywhere.
                var message = $"The rule sources now hold no rules; the current {current.Rules.Rules.Count} rules stay in service (a reload to no rules at all is refused: a folder emptied for a moment would stop every touch).";
                // The load's warnings stay with the refusal, as with every other outcome of a reload.
                diagnostics = [.. load.Warnings, new RuleDiagnostic(DiagnosticCodes.EmptyReload, DiagnosticSeverity.Error, new SourceLocation(_options.RulePaths.Count > 0 ? string.Join(", ", _options.RulePaths) : "EngagementRulesOptions", 1, 1), message)];
                return Reject(current, diagnostics);
            }

            RuleSetSnapshot next;
            try
            {
                next = Snapshot(load.Rules, current.Generation + 1);
            }
            catch (PolicyOptionsException ex)
            {
                // E.g. a rule renamed away while Holdouts.RulePercents still names it: keep the rules that fit.
                diagnostics = [.. ex.Errors.Select(e => new RuleDiagnostic(EngagementRulesDiagnosticCodes.PolicyMismatch, DiagnosticSeverity.Error, PolicyLocation, e))];
                return Reject(current, diagnostics);
            }

            diagnostics = load.Warnings;
            next = next with { LastReload = new RuleSetReloadStatus(_clock.GetCurrentInstant(), true, next.Generation, diagnostics) };
            Volatile.Write(ref _current, next);
            HostingLog.RulesLoaded(_logger, load.Rules.Rules.Count, next.Generation);
            try
            {
                Reloaded?.Invoke(this, new RuleSetReloadedEventArgs(load.Rules, load.Warnings));
            }
            catch (Exception ex) when (NoteHandlerFailure(ex, next.Generation))
            {
                // Not reached: the filter logs the handler's failure and lets it go on to the caller as it was.
            }

            return true;
        }
    }

    public void Dispose() => _watcher?.Dispose();

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

    /// <summary>A reload that does not replace the current rules: logged, and reported through <see cref="ReloadFailed"/>.</summary>
    private bool Reject(RuleSetSnapshot current, IReadOnlyList<RuleDiagnostic> errors)
    {
        HostingLog.ReloadRejected(_logger, current.Generation, errors.Count, string.Join("\n", errors.Select(e => e.Format())));
        Volatile.Write(ref _current, current with { LastReload = new RuleSetReloadStatus(_clock.GetCurrentInstant(), false, current.Generation, errors) });
        ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs(errors, current.Rules));
        return false;
    }

    // Policy errors are not in a rule file: they are located at the options, as AddEngagementRules names them.
    private static readonly SourceLocation PolicyLocation = new("EngagementRulesOptions.Policy", 1, 1);

    private static string[] PolicyErrors(PolicyOptionsException exception) => [.. exception.Errors.Select(e => "Policy: " + e)];

    private RuleSetSnapshot Snapshot(CompiledRuleSet rules, int generation) =>
        new(rules, EngagementEvaluator.Create(rules, _clock, _options.Policy, _telemetry, _options.Session), generation);

    private void LogWarnings(RuleSetLoad load)
    {
        foreach (var warning in load.Warnings)
        {
            HostingLog.RuleWarning(_logger, warning.Format());
        }
    }
}
