using System.Collections.Generic;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>The facts of one match: a firing of a rule, or what blocked a <c>not</c> or failed a <c>forall</c>.</summary>
public sealed class RuleMatch
{
    internal RuleMatch(IReadOnlyList<object> facts)
    {
        Facts = facts;
    }

    /// <summary>
    /// The facts, in left-hand-side order: for a firing, every fact of the match (the evaluation context, the customer,
    /// ...; aggregate values and lets excluded); for a blocking match, the facts the element itself binds.
    /// </summary>
    public IReadOnlyList<object> Facts { get; }
}
