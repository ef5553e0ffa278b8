namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The stable diagnostic codes of the dependency-injection package (DI0xxx), for problems no single rule source has:
/// they come in <see cref="Yaml.Diagnostics.RuleDiagnostic"/>s beside the YAML package's codes
/// (<see cref="Yaml.Diagnostics.DiagnosticCodes"/>), from <see cref="IEngagementRuleSetProvider.TryReload"/> and
/// <see cref="Yaml.Providers.IRuleSetProvider.ReloadFailed"/>. Codes are never reused for another meaning: a host may
/// compare <see cref="Yaml.Diagnostics.RuleDiagnostic.Code"/> with these constants. Documented in docs/embedding.md.
/// </summary>
public static class EngagementRulesDiagnosticCodes
{
    /// <summary>
    /// DI0001 (error): the same rule id in two separately loaded sources (rule paths, embedded resources, rule texts);
    /// located at the second definition, whose message names the first.
    /// </summary>
    public const string DuplicateRuleId = "DI0001";

    /// <summary>
    /// DI0002 (error): the policy options do not fit the reloaded rules (e.g. <c>Holdouts.RulePercents</c> names a rule
    /// no longer there); one per problem, located at <c>EngagementRulesOptions.Policy</c>. The current rules are kept.
    /// </summary>
    public const string PolicyMismatch = "DI0002";
}
