using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>
/// The reasons a reloaded rule set that loaded cleanly still does not replace the rules in service, worded once for
/// <see cref="FileSystemRuleSetProvider"/> and <see cref="ReloadingEngagementEvaluator"/> (which the DI package uses).
/// </summary>
internal static class ReloadRefusal
{
    /// <summary>Where policy problems are located: they are in the options, not in a rule file.</summary>
    internal static readonly SourceLocation PolicyLocation = new("PolicyOptions", 1, 1);

    /// <summary>
    /// ER0051 when the new set has no rule while the current one has some, else null. A deploy that empties a folder
    /// before copying the new files in would otherwise replace every rule by none, and touches would stop without an
    /// error anywhere.
    /// </summary>
    public static RuleDiagnostic? Empty(CompiledRuleSet next, CompiledRuleSet current, string source) =>
        next.Rules.Count == 0 && current.Rules.Count > 0
            ? new RuleDiagnostic(
                DiagnosticCodes.EmptyReload,
                DiagnosticSeverity.Error,
                new SourceLocation(source, 1, 1),
                $"The reloaded rules are none; the current {current.Rules.Count} rules stay in service (a reload to no rules at all is refused: a folder emptied for a moment would stop every touch).")
            : null;

    /// <summary>ER0052 per problem of policy options that do not fit a reloaded rule set (e.g. a holdout naming a rule it lacks).</summary>
    public static IReadOnlyList<RuleDiagnostic> PolicyMismatch(PolicyOptionsException exception) =>
        [.. exception.Errors.Select(e => new RuleDiagnostic(DiagnosticCodes.PolicyMismatch, DiagnosticSeverity.Error, PolicyLocation, e))];
}
