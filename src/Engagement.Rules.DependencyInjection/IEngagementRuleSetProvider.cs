using System.Collections.Generic;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The rule set the registered evaluator uses now: the YAML package's <see cref="IRuleSetProvider"/> (the current set,
/// <see cref="IRuleSetProvider.Reloaded"/> and <see cref="IRuleSetProvider.ReloadFailed"/>) over every configured
/// source, with a generation count and a reload on demand. With hot reload it changes when the rule files change,
/// load cleanly and fit the policy options; the swap is atomic, and an evaluation in flight finishes on the set it started with. Thread-safe.
/// </summary>
/// <remarks>
/// Reloads run one at a time. <see cref="IRuleSetProvider.Reloaded"/> and <see cref="IRuleSetProvider.ReloadFailed"/> are
/// raised on the thread that reloads (a timer thread for hot reload, the caller's for <see cref="TryReload"/>), after
/// the swap or the keeping of the current set, while the reload holds its lock: a handler must not wait for a reload on
/// another thread (read the rules, log, return). Subscribe before hot reload can run (right after resolving the provider
/// at start-up); a handler's exception reaches the <see cref="TryReload"/> caller, and under hot reload is logged
/// (event 2005 for a <c>Reloaded</c> handler, whose rules are in service; 2003 otherwise). The container owns the provider: it stops watching when the container is disposed.
/// </remarks>
public interface IEngagementRuleSetProvider : IRuleSetProvider
{
    /// <summary>1 after the first load, one more after each swap.</summary>
    int Generation { get; }

    /// <summary>
    /// How the last reload (hot or <see cref="TryReload"/>) ended: when, whether it replaced the rules, the generation and
    /// fingerprint of the rules in service after it, and its diagnostics; <see langword="null"/> before any reload (the first load is not a reload: its errors fail start-up).
    /// A health check reads it to report a rejected rule change, which otherwise only the log and
    /// <see cref="IRuleSetProvider.ReloadFailed"/> show. Set before <see cref="IRuleSetProvider.Reloaded"/> or
    /// <see cref="IRuleSetProvider.ReloadFailed"/> is raised. A reload that throws unexpectedly (logged as event 2003)
    /// does not change it.
    /// </summary>
    RuleSetReloadStatus? LastReload { get; }

    /// <summary>
    /// Reloads the rules now (hot reload does this by itself when files change). Replaces the current set only when
    /// the new one loads and compiles without error and the policy options fit it (every
    /// <c>Holdouts.RulePercents</c> id is one of its rules; otherwise a
    /// <see cref="DiagnosticCodes.PolicyMismatch"/> error per problem), and it is not empty while rules are in
    /// service (otherwise <see cref="DiagnosticCodes.EmptyReload"/>): the decision of the YAML package's
    /// <see cref="ReloadingEngagementEvaluator"/>, which is the registered evaluator.
    /// </summary>
    /// <param name="diagnostics">
    /// When the set was kept, the errors that kept it (the diagnostics <see cref="IRuleSetProvider.ReloadFailed"/>
    /// reports); when it was replaced, the new set's warnings (those of <see cref="IRuleSetProvider.Reloaded"/>),
    /// usually none. Each has its code (<see cref="DiagnosticCodes"/>,
    /// <see cref="EngagementRulesDiagnosticCodes"/>), location and message; <see cref="RuleDiagnostic.Format"/>
    /// gives the compiler-style text with the source line, as the log shows it.
    /// </param>
    /// <returns><see langword="true"/> when the rules were replaced.</returns>
    /// <exception cref="System.ObjectDisposedException">The container that owns the provider was disposed.</exception>
    bool TryReload(out IReadOnlyList<RuleDiagnostic> diagnostics);
}
