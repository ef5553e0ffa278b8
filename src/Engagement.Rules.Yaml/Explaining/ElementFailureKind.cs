namespace Engagement.Rules.Yaml.Explaining;

/// <summary>Why an element of a rule's left-hand side found no match; says which parts of <see cref="ElementFailure"/> are filled.</summary>
public enum ElementFailureKind
{
    /// <summary>A pattern: no fact of its type was in the session (with the elements before it matched).</summary>
    NoFacts = 0,

    /// <summary>
    /// A pattern: facts of its type were there, but none passed every condition. <see cref="ElementFailure.Condition"/>
    /// is the first condition that no fact passed; <see cref="ElementFailure.Candidates"/> the facts, each with the
    /// condition that rejected it.
    /// </summary>
    ConditionRejected = 1,

    /// <summary>A <c>not</c>: what it negates matched. <see cref="ElementFailure.Blocking"/> holds the facts that matched it.</summary>
    NegationMatched = 2,

    /// <summary>An <c>exists</c>: its content found no match. <see cref="ElementFailure.Inner"/> holds the failure inside it.</summary>
    NothingExists = 3,

    /// <summary>An <c>any</c>: no alternative matched. <see cref="ElementFailure.Inner"/> holds one failure per alternative, in order.</summary>
    NoAlternativeMatched = 4,

    /// <summary>
    /// An aggregate (<c>count</c>, <c>sum</c>, ...): it had a value, but a condition on it (<c>having</c>) rejected it.
    /// <see cref="ElementFailure.Condition"/> is that condition; <see cref="ElementFailure.Candidates"/> the values it rejected.
    /// </summary>
    AggregateRejected = 5,

    /// <summary>An aggregate with no value at all (a <c>min</c>, <c>max</c> or <c>sum</c> of no fact, say).</summary>
    AggregateEmpty = 6,

    /// <summary>A <c>forall</c>: some facts it ranges over fail it. <see cref="ElementFailure.Blocking"/> holds them.</summary>
    CounterExample = 7,

    /// <summary>Another element (a <c>let</c>, or a group built in C#): the element as a whole found no match; nothing more is known.</summary>
    Other = 8,
}
