namespace Engagement.Rules.Yaml.Explaining;

/// <summary>What became of one rule in an explained evaluation.</summary>
public enum RuleOutcome
{
    /// <summary>The rule fired at least once (<see cref="RuleExplanation.Firings"/>).</summary>
    Fired = 0,

    /// <summary>The rule did not fire: an element of its left-hand side found no match (<see cref="RuleExplanation.Failure"/>).</summary>
    NotMatched = 1,

    /// <summary>
    /// The rule did not fire although, once the other rules had run, every element of its left-hand side matched:
    /// its match came and went while they ran (a fact it needs was inserted after it was retracted, say), or the engine
    /// did not fire it again (a non-repeatable rule).
    /// </summary>
    MatchedButNotFired = 2,

    /// <summary>
    /// The rule did not fire, and why cannot be said: building or compiling the probes of its left-hand side failed
    /// (the engine rejected one, or anything else went wrong there: a defect of the explainer, not of the rule;
    /// <see cref="RuleExplanation.NotExplainedReason"/> carries the failure's message). The other rules are explained
    /// as usual.
    /// </summary>
    NotExplained = 3,
}
