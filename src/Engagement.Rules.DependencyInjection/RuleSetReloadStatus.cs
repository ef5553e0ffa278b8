using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;
using NodaTime;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// How the last reload of <see cref="IEngagementRuleSetProvider"/> ended (<see cref="IEngagementRuleSetProvider.LastReload"/>),
/// for a health check, an admin page or an audit log: when, whether the rules were replaced, which generation serves
/// now, the fingerprint of the rules it serves, and the diagnostics. Immutable.
/// </summary>
/// <remarks>
/// Record equality compares <see cref="Diagnostics"/> by reference: two statuses of two reloads are never equal
/// unless they share the list.
/// </remarks>
public sealed record RuleSetReloadStatus
{
    /// <summary>Creates a status (the provider does; a host faking the provider in a test may too).</summary>
    /// <param name="completedAt">When the reload ended, by the provider's clock.</param>
    /// <param name="succeeded">Whether the new rules replaced the current ones.</param>
    /// <param name="generation">The generation serving after the reload.</param>
    /// <param name="ruleSetFingerprint">The fingerprint of the rules serving after the reload (<see cref="Engine.CompiledRuleSet.Fingerprint"/>); null when unknown.</param>
    /// <param name="diagnostics">The errors that kept the current rules, or the new rules' warnings; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="generation"/> is less than 1.</exception>
    public RuleSetReloadStatus(Instant completedAt, bool succeeded, int generation, string? ruleSetFingerprint, IEnumerable<RuleDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        var copy = diagnostics.ToArray();
        if (Array.IndexOf(copy, null) >= 0)
        {
            throw new ArgumentNullException(nameof(diagnostics), "A reload diagnostic is null.");
        }

        CompletedAt = completedAt;
        Succeeded = succeeded;
        Generation = generation;
        RuleSetFingerprint = ruleSetFingerprint;
        Diagnostics = new ReadOnlyCollection<RuleDiagnostic>(copy);
    }

    /// <summary>When the reload ended, by the clock the evaluator uses (<see cref="EngagementRulesOptions.Clock"/>).</summary>
    public Instant CompletedAt { get; }

    /// <summary>
    /// <see langword="true"/> when the reloaded rules replaced the current ones; <see langword="false"/> when they did
    /// not load, compile or fit the policy options, and the rules of <see cref="Generation"/> were kept.
    /// </summary>
    public bool Succeeded { get; }

    /// <summary>The generation serving after the reload: the new one on success, the kept one on failure.</summary>
    public int Generation { get; }

    /// <summary>
    /// The fingerprint of the rules serving after the reload (<see cref="Engine.CompiledRuleSet.Fingerprint"/>): the new
    /// rules' on success, the kept rules' on failure; null when unknown (rules compiled without one). It is the
    /// <see cref="Decisions.EngagementResult.RuleSetFingerprint"/> of every evaluation that starts after the reload (until
    /// the next one), so an audit log can tie results to the reload that put their rules in service.
    /// </summary>
    public string? RuleSetFingerprint { get; }

    /// <summary>
    /// On failure the errors that kept the current rules (as <see cref="Yaml.Providers.IRuleSetProvider.ReloadFailed"/>
    /// reports them); on success the new rules' warnings, usually none. Read-only.
    /// </summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
