using System.Threading;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Explaining;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The <see cref="RuleExplainer"/> of the rules in service, which the container hands out as <see cref="RuleExplainer"/>:
/// one per rule set, created at the first request after a swap and then shared (each explainer keeps its rules' probe
/// compilations, so one per request would compile them again and again). Thread-safe.
/// </summary>
internal sealed class CurrentRuleExplainer
{
    private readonly IRuleSetProvider _rules;
    private readonly SessionOptions _session;
    private readonly Lock _gate = new();
    private RuleExplainer? _explainer;

    /// <param name="rules">The rules in service: the registered evaluator's (a refused reload does not change them).</param>
    /// <param name="session">The evaluator's session settings, so that explanations run under its guards.</param>
    public CurrentRuleExplainer(IRuleSetProvider rules, SessionOptions session)
    {
        _rules = rules;
        _session = session;
    }

    /// <summary>The explainer of the rules in service now.</summary>
    public RuleExplainer Get()
    {
        var explainer = Volatile.Read(ref _explainer);
        if (explainer is not null && ReferenceEquals(explainer.RuleSet, _rules.Current))
        {
            return explainer;
        }

        lock (_gate)
        {
            // Read again under the lock: a caller that saw an older set must not replace a newer set's explainer with
            // one of its own, so the explainer only ever moves forward, and is created once per rule set.
            var current = _rules.Current;
            explainer = _explainer;
            if (explainer is null || !ReferenceEquals(explainer.RuleSet, current))
            {
                explainer = new RuleExplainer(current, session: _session);
                Volatile.Write(ref _explainer, explainer);
            }

            return explainer;
        }
    }
}
