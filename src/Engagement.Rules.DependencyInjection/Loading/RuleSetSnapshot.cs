using Engagement.Rules.Engine;

namespace Engagement.Rules.DependencyInjection;

/// <summary>One generation of rules and the evaluator over them; immutable, swapped whole.</summary>
internal sealed record RuleSetSnapshot(CompiledRuleSet Rules, IEngagementEvaluator Evaluator, int Generation);
