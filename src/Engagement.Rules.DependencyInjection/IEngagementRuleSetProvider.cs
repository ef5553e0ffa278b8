using System.Collections.Generic;
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
/// the swap or the keeping of the current set. Subscribe before hot reload can run (right after resolving the provider
/// at start-up); a handler's exception reaches the <see cref="TryReload"/> caller, and under hot reload is logged
/// (event 2003). The container owns the provider: it stops watching when the container is disposed.
/// </remarks>
public interface IEngagementRuleSetProvider : IRuleSetProvider
{
    /// <summary>1 after the first load, one more after each swap.</summary>
    int Generation { get; }

    /// <summary>
    /// Reloads the rules now (hot reload does this by itself when files change). Replaces the current set only when
    /// the new one loads and compiles without error and the policy options fit it (every
    /// <c>Holdouts.RulePercents</c> id is one of its rules; otherwise <see cref="IRuleSetProvider.ReloadFailed"/>
    /// reports a DI0002 error per id and <paramref name="errors"/> holds them prefixed with <c>Policy: </c>).
    /// </summary>
    /// <param name="errors">The problems that kept the current set; empty on success.</param>
    /// <returns><see langword="true"/> when the rules were replaced.</returns>
    bool TryReload(out IReadOnlyList<string> errors);
}
