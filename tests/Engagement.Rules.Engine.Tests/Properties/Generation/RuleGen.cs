using System;
using System.Linq;
using CsCheck;

namespace Engagement.Rules.Engine.Tests.Properties.Generation;

/// <summary>CsCheck generators of rule descriptions.</summary>
public static class RuleGen
{
    public static readonly Gen<ConditionSpec> Condition = Gen.Select(
        Gen.Frequency((3, Gen.Const(0)), (3, Gen.Const(1)), (1, Gen.Const(2))),
        Gen.Frequency((4, Gen.Const(0)), (2, Gen.Const(1)), (2, Gen.Const(2)), (1, Gen.Const(3))),
        Gen.Int[0, 4],
        Gen.Int[0, 3],
        Gen.Int[0, 3],
        Gen.Int[0, 1],
        (kind, field, op, constant, target, targetField) => new ConditionSpec(kind, field, op, constant, target, targetField));

    public static readonly Gen<PatternSpec> Pattern = Gen.Select(
        Gen.Int[0, 2], Condition.Array[0, 2], (type, conditions) => new PatternSpec(type, conditions));

    private static readonly Gen<PatternSpec[]> OneOrTwoPatterns = Pattern.Array[1, 2];

    private static readonly Gen<ElementSpec> Positive = Pattern.Select(p => (ElementSpec)new PositiveSpec(p));

    private static readonly Gen<ElementSpec> Not =
        Gen.Select(OneOrTwoPatterns, Gen.Bool, (p, disjunction) => (ElementSpec)new NotSpec(p, disjunction));

    private static readonly Gen<ElementSpec> Exists =
        Gen.Select(OneOrTwoPatterns, Gen.Bool, (p, disjunction) => (ElementSpec)new ExistsSpec(p, disjunction));

    private static readonly Gen<ElementSpec> ForAll =
        Gen.Select(Pattern, OneOrTwoPatterns, (b, p) => (ElementSpec)new ForAllSpec(b, p));

    private static readonly Gen<ElementSpec> Nested = Gen.Select(
        Gen.Int[0, 1], Gen.Int[0, 1], Pattern, Pattern, (outer, inner, first, second) => (ElementSpec)new NestedSpec(outer, inner, first, second));

    private static readonly Gen<ElementSpec> Binding = Gen.Select(
        Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 1], (k, f, s, field) => (ElementSpec)new BindingSpec(k, f, s, field));

    private static readonly Gen<ElementSpec> Or =
        OneOrTwoPatterns.Array[2, 2].Select(alternatives => (ElementSpec)new OrSpec(alternatives));

    /// <summary>Aggregates of the given kinds (AggregateKind values).</summary>
    public static Gen<ElementSpec> Aggregate(params int[] kinds) => Gen.Select(
        Gen.OneOf(kinds),
        Pattern,
        Gen.Int[0, 1],
        Gen.Int[0, 2],
        Gen.Int[0, 4],
        Gen.Int[0, 3],
        Gen.Int[0, 3],
        (kind, source, selector, condition, op, constant, target) =>
            (ElementSpec)new AggregateSpec(kind, source, selector, condition, op, constant, target));

    /// <summary>A left-hand-side element; mostly positive patterns, every other kind regularly.</summary>
    public static Gen<ElementSpec> Element(Gen<ElementSpec> aggregate) => Gen.Frequency(
        (6, Positive), (2, Not), (2, Exists), (1, ForAll), (1, Nested), (1, Binding), (2, aggregate), (1, Or));

    /// <summary>A rule of one to four elements.</summary>
    public static Gen<RuleSpec> Rule(Gen<ElementSpec> aggregate) => Gen.Select(
        Gen.Int[0, 3], Element(aggregate).Array[1, 4], (priority, elements) => new RuleSpec(priority, elements));

    /// <summary>Every aggregate kind, for the agenda property.</summary>
    public static Gen<RuleSpec[]> RuleSet { get; } = WithSiblings(Rule(Aggregate(0, 1, 2, 3, 4, 5)).Array[1, 3]);

    /// <summary>
    /// Only aggregates whose value changes whenever a source fact comes or goes (collect, count, group-by), for
    /// the refraction property: there "the match is unchanged" must mean "the key is unchanged".
    /// </summary>
    public static Gen<RuleSpec[]> RuleSetWithStableKeys { get; } = WithSiblings(Rule(Aggregate(0, 1, 5)).Array[1, 3]);

    /// <summary>
    /// Now and then adds a sibling of the first rule: the same elements with other conditions on its aggregates'
    /// values, so that rules sharing an aggregate node and differing only in its output nodes are generated too.
    /// </summary>
    private static Gen<RuleSpec[]> WithSiblings(Gen<RuleSpec[]> rules) => Gen.Select(
        rules,
        Gen.Int[0, 2],
        Gen.Int[0, 2],
        Gen.Int[0, 4],
        Gen.Int[0, 3],
        (set, sibling, condition, op, constant) => sibling > 0 && Array.Exists(set[0].Elements, e => e is AggregateSpec)
            ? [.. set, Sibling(set[0], condition, op, constant)]
            : set);

    private static RuleSpec Sibling(RuleSpec rule, int condition, int op, int constant) => new(
        (rule.Priority + 1) % 4,
        rule.Elements.Select(e => e is AggregateSpec a ? a with { ResultCondition = condition, Op = op, Constant = constant } : e).ToArray());
}
