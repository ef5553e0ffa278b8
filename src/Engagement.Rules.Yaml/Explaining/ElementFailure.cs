using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>
/// The first element of a rule's left-hand side (or of an alternative, or of an <c>exists</c>) that found no match,
/// with the elements before it matched; <see cref="Kind"/> says which of the other properties are filled.
/// </summary>
/// <remarks>
/// "First" in written order: elements after it may fail too; they are not examined, since they are joined to its
/// matches. Lists are bounded (<see cref="RuleExplainer.MaxListed"/>); the counts say how many there were.
/// </remarks>
public sealed class ElementFailure
{
    internal ElementFailure(
        ElementFailureKind kind,
        int index,
        int count,
        RuleElement element,
        ExplainedCondition? condition = null,
        int candidateCount = 0,
        IReadOnlyList<RejectedCandidate>? candidates = null,
        int blockingCount = 0,
        IReadOnlyList<RuleMatch>? blocking = null,
        IReadOnlyList<ElementFailure>? inner = null)
    {
        Kind = kind;
        Index = index;
        Count = count;
        Element = element;
        var written = WrittenSource.Of(element);
        Text = written?.Text ?? ElementDescription.Of(element);
        Location = written?.Location;
        Condition = condition;
        CandidateCount = candidateCount;
        Candidates = candidates ?? [];
        BlockingCount = blockingCount;
        Blocking = blocking ?? [];
        Inner = inner ?? [];
    }

    /// <summary>Why the element found no match.</summary>
    public ElementFailureKind Kind { get; }

    /// <summary>
    /// The element's 0-based position: in the rule's <see cref="RuleDefinition.LeftHandSide"/> for a failure of the rule
    /// (element 0 of a YAML rule is its evaluation context, which carries the <c>effective</c> dates); in the alternative
    /// or the <c>exists</c> for an <see cref="Inner"/> failure.
    /// </summary>
    public int Index { get; }

    /// <summary>How many elements the left-hand side (or the alternative, or the <c>exists</c>) has.</summary>
    public int Count { get; }

    /// <summary>The element in the rule model.</summary>
    public RuleElement Element { get; }

    /// <summary>
    /// The element as its rule wrote it: <c>customer: Customer</c>, <c>not</c>, <c>any</c>, <c>count as visits</c>,
    /// <c>let total: ...</c>, <c>effective</c> (the evaluation context of a rule with dates; <c>(evaluation context)</c>
    /// without); a description for an element built in C#.
    /// </summary>
    public string Text { get; }

    /// <summary>Where the element is written (<c>file:line:column</c>); null for a rule the YAML loader did not build.</summary>
    public SourceLocation? Location { get; }

    /// <summary>
    /// For <see cref="ElementFailureKind.ConditionRejected"/> and <see cref="ElementFailureKind.AggregateRejected"/>: the
    /// first condition, in written order, that no candidate passed; otherwise null.
    /// </summary>
    public ExplainedCondition? Condition { get; }

    /// <summary>How many candidates there were (<see cref="Candidates"/> lists at most <see cref="RuleExplainer.MaxListed"/>).</summary>
    public int CandidateCount { get; }

    /// <summary>
    /// For <see cref="ElementFailureKind.ConditionRejected"/>: the facts of the pattern's type, in the order they entered
    /// the session, each with the condition that rejected it; for <see cref="ElementFailureKind.AggregateRejected"/>: the
    /// values <see cref="Condition"/> rejected. Empty otherwise.
    /// </summary>
    public IReadOnlyList<RejectedCandidate> Candidates { get; }

    /// <summary>How many blocking matches there were (<see cref="Blocking"/> lists at most <see cref="RuleExplainer.MaxListed"/>).</summary>
    public int BlockingCount { get; }

    /// <summary>
    /// For <see cref="ElementFailureKind.NegationMatched"/>: the matches of what the <c>not</c> negates (the facts it
    /// binds); for <see cref="ElementFailureKind.CounterExample"/>: the facts the <c>forall</c> ranges over that fail it.
    /// In the engine's order. Empty otherwise.
    /// </summary>
    public IReadOnlyList<RuleMatch> Blocking { get; }

    /// <summary>
    /// For <see cref="ElementFailureKind.NoAlternativeMatched"/>: the first failing element of each alternative of the
    /// <c>any</c>, in order; for <see cref="ElementFailureKind.NothingExists"/>: the first failing element inside the
    /// <c>exists</c>. Empty otherwise.
    /// </summary>
    public IReadOnlyList<ElementFailure> Inner { get; }

    /// <inheritdoc />
    public override string ToString() => Location is { } at ? $"{Text} ({at}): {Kind}" : $"{Text}: {Kind}";
}
