namespace Engagement.Rules.Engine.Tests.Properties.Generation;

// Generated descriptions of rules. Choices are small integers that the RuleSpecBuilder resolves against what is
// in scope (e.g. a join target is "earlier fact declaration number Target modulo how many there are"), so every
// generated description builds a valid rule and CsCheck can shrink each choice independently.

/// <summary>One test of a pattern: a constant test, a join to an earlier fact, or a comparison with an earlier int value.</summary>
/// <param name="Kind">0 constant test; 1 join to an earlier fact; 2 comparison with an earlier int binding or aggregate.</param>
/// <param name="Field">0 X, 1 Y, 2 S, 3 Id.</param>
/// <param name="Op">0 ==, 1 !=, 2 &lt;, 3 &gt;, 4 &lt;= (string fields use == and != only).</param>
/// <param name="Constant">The constant (0..3), also used to choose the parameter order of a join.</param>
/// <param name="Target">Which earlier declaration, modulo how many are in scope.</param>
/// <param name="TargetField">0 X, 1 Y (for int joins).</param>
public sealed record ConditionSpec(int Kind, int Field, int Op, int Constant, int Target, int TargetField);

/// <summary>A pattern over fact type <c>Type</c> (0 Alpha, 1 Beta, 2 Gamma).</summary>
public sealed record PatternSpec(int Type, ConditionSpec[] Conditions);

/// <summary>An element of a rule's left-hand side.</summary>
public abstract record ElementSpec;

/// <summary>A positive pattern binding a fact.</summary>
public sealed record PositiveSpec(PatternSpec Pattern) : ElementSpec;

/// <summary>not(p1), not(p1 and p2), or with <c>Disjunction</c> and two patterns not(p1 or p2).</summary>
public sealed record NotSpec(PatternSpec[] Patterns, bool Disjunction) : ElementSpec;

/// <summary>exists(p1), exists(p1 and p2), or with <c>Disjunction</c> and two patterns exists(p1 or p2).</summary>
public sealed record ExistsSpec(PatternSpec[] Patterns, bool Disjunction) : ElementSpec;

/// <summary>forall(base, patterns).</summary>
public sealed record ForAllSpec(PatternSpec Base, PatternSpec[] Patterns) : ElementSpec;

/// <summary>An int binding: <c>Kind</c> 0 first + second, 1 first * 2, 2 first - 1, over the values chosen by the sources.</summary>
public sealed record BindingSpec(int Kind, int First, int Second, int Field) : ElementSpec;

/// <summary>An aggregate of kind <c>Kind</c> (AggregateKind) over a source pattern, with an optional result condition.</summary>
/// <param name="Kind">The <see cref="Engine.Model.AggregateKind"/> as an int.</param>
/// <param name="Source">The source pattern (may join earlier facts).</param>
/// <param name="SelectorField">0 X, 1 Y for sums, minima and maxima; 0 X, 1 S for group keys.</param>
/// <param name="ResultCondition">0 none, 1 compare with a constant, 2 compare with an earlier fact's X.</param>
/// <param name="Op">0 ==, 1 !=, 2 &lt;, 3 &gt;, 4 &gt;=.</param>
/// <param name="Constant">The constant (0..3).</param>
/// <param name="Target">The earlier fact, modulo how many are in scope.</param>
public sealed record AggregateSpec(int Kind, PatternSpec Source, int SelectorField, int ResultCondition, int Op, int Constant, int Target)
    : ElementSpec;

/// <summary>
/// A nested negation or existence: <c>outer(first and inner(second))</c>, outer and inner each not (0) or exists
/// (1); <c>second</c> may join <c>first</c>.
/// </summary>
public sealed record NestedSpec(int Outer, int Inner, PatternSpec First, PatternSpec Second) : ElementSpec;

/// <summary>An or of alternatives, each one or two patterns.</summary>
public sealed record OrSpec(PatternSpec[][] Alternatives) : ElementSpec;

/// <summary>A rule: a priority and its left-hand side.</summary>
public sealed record RuleSpec(int Priority, ElementSpec[] Elements);
