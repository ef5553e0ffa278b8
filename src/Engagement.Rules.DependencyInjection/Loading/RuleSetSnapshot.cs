using Engagement.Rules.Engine;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// One generation of rules, the evaluator over them and the status of the last reload; immutable, swapped whole, so a
/// reader never sees a generation with the status of another reload.
/// </summary>
internal sealed record RuleSetSnapshot(CompiledRuleSet Rules, IEngagementEvaluator Evaluator, int Generation, RuleSetReloadStatus? LastReload = null);
