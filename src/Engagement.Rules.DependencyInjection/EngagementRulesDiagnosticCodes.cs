namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The stable diagnostic codes of the dependency-injection package (DI0xxx), for problems no single rule source has:
/// they come in <see cref="Yaml.Diagnostics.RuleDiagnostic"/>s beside the YAML package's codes
/// (<see cref="Yaml.Diagnostics.DiagnosticCodes"/>), from <see cref="IEngagementRuleSetProvider.TryReload"/> and
/// <see cref="Yaml.Providers.IRuleSetProvider.ReloadFailed"/>. Codes are never reused for another meaning: a host may
/// compare <see cref="Yaml.Diagnostics.RuleDiagnostic.Code"/> with these constants. Documented in docs/embedding.md.
/// (Policy options that do not fit reloaded rules are the YAML package's
/// <see cref="Yaml.Diagnostics.DiagnosticCodes.PolicyMismatch"/>, ER0052: the decision is made by its
/// <see cref="Yaml.Providers.ReloadingEngagementEvaluator"/>, the registered evaluator.)
/// </summary>
public static class EngagementRulesDiagnosticCodes
{
    /// <summary>
    /// DI0001 (error): the same rule id in two separately loaded sources (rule paths, embedded resources, rule texts);
    /// located at the second definition, whose message names the first.
    /// </summary>
    public const string DuplicateRuleId = "DI0001";
}
