namespace Engagement.Rules.Engine.Runtime;

/// <summary>What the expression of a rule that threw computes, for the error's wording (<see cref="RuleConditionException"/>).</summary>
internal enum ExpressionRole
{
    /// <summary>A condition: a test, an alpha test, a join key, an aggregate's result condition.</summary>
    Condition,

    /// <summary>The value of a <c>let</c>, or the per-fact value of a sum, min or max.</summary>
    Value,

    /// <summary>The per-fact key of a group-by.</summary>
    Key,

    /// <summary>The total of a sum (the text is its per-fact value).</summary>
    Sum,

    /// <summary>The least of a min's values (the text is its per-fact value).</summary>
    Min,

    /// <summary>The greatest of a max's values (the text is its per-fact value).</summary>
    Max,

    /// <summary>The result of a collect or count (no text: it has no expression of its own).</summary>
    Aggregate,
}
