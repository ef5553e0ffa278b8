using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Reference;

/// <summary>
/// A deliberately simple, brute-force evaluator of the canonical rule model, the oracle the Rete engine is
/// checked against. Given the rules and the facts currently in working memory it enumerates every
/// combination with nested loops and evaluates each condition by compiling its lambda and invoking it
/// directly. No indexing, no incremental state: obviously correct rather than fast.
/// </summary>
/// <remarks>
/// Semantics, element by element, for an environment of the declarations bound so far:
/// pattern = every fact of the type satisfying all conditions; and = the nested loop over its children in
/// order; or = the matches of each alternative, concatenated (one match set per alternative); not = the
/// environment once when the source has no match; exists = the environment once when the source has at least
/// one match; forall(base, ps) = not(base and not(ps)); binding = the environment plus the computed value;
/// aggregate = the environment plus each aggregate result that satisfies the result conditions (collect and
/// count and sum give exactly one result, possibly empty or zero; min and max give none over no facts; group-by
/// gives one per non-empty group, in order of first appearance).
/// </remarks>
internal sealed class ReferenceMatcher
{
    private readonly Dictionary<ExpressionElement, Delegate> _compiled = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every match of every rule over the facts, rule by rule in the order given.</summary>
    public IReadOnlyList<ReferenceMatch> Match(IEnumerable<RuleDefinition> rules, IReadOnlyList<object> facts)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        var matches = new List<ReferenceMatch>();
        foreach (var rule in rules)
        {
            foreach (var environment in Enumerate(rule.LeftHandSide, ImmutableDictionary<Declaration, object?>.Empty, facts))
            {
                matches.Add(new ReferenceMatch(rule, environment, MatchKey.Of(rule, environment)));
            }
        }

        return matches;
    }

    private IEnumerable<ImmutableDictionary<Declaration, object?>> Enumerate(
        RuleElement element, ImmutableDictionary<Declaration, object?> environment, IReadOnlyList<object> facts)
    {
        switch (element)
        {
            case PatternElement pattern:
                return EnumeratePattern(pattern, environment, facts);
            case AndElement and:
                return EnumerateAll(and.Elements, 0, environment, facts);
            case OrElement or:
                return or.Elements.SelectMany(alternative => Enumerate(alternative, environment, facts));
            case NotElement not:
                return Enumerate(not.Source, environment, facts).Any() ? [] : [environment];
            case ExistsElement exists:
                return Enumerate(exists.Source, environment, facts).Any() ? [environment] : [];
            case ForAllElement forAll:
                return ForAllHolds(forAll, environment, facts) ? [environment] : [];
            case BindingElement binding:
                return [environment.Add(binding.Declaration, Evaluate(binding.Value, environment))];
            case AggregateElement aggregate:
                return EnumerateAggregate(aggregate, environment, facts);
            default:
                throw new NotSupportedException($"Unknown rule element {element.GetType().Name}.");
        }
    }

    private IEnumerable<ImmutableDictionary<Declaration, object?>> EnumerateAll(
        IReadOnlyList<RuleElement> elements, int index, ImmutableDictionary<Declaration, object?> environment, IReadOnlyList<object> facts)
    {
        if (index == elements.Count)
        {
            yield return environment;
            yield break;
        }

        foreach (var extended in Enumerate(elements[index], environment, facts))
        {
            foreach (var complete in EnumerateAll(elements, index + 1, extended, facts))
            {
                yield return complete;
            }
        }
    }

    private IEnumerable<ImmutableDictionary<Declaration, object?>> EnumeratePattern(
        PatternElement pattern, ImmutableDictionary<Declaration, object?> environment, IReadOnlyList<object> facts)
    {
        foreach (var fact in facts)
        {
            if (!pattern.FactType.IsInstanceOfType(fact))
            {
                continue;
            }

            var extended = environment.Add(pattern.Declaration, fact);
            if (pattern.Conditions.All(condition => (bool)Evaluate(condition, extended)!))
            {
                yield return extended;
            }
        }
    }

    private bool ForAllHolds(ForAllElement forAll, ImmutableDictionary<Declaration, object?> environment, IReadOnlyList<object> facts)
    {
        // forall(base, p1..pn) == not(base and not(p1 and .. pn)).
        foreach (var withBase in EnumeratePattern(forAll.BasePattern, environment, facts))
        {
            if (!EnumerateAll(forAll.Patterns, 0, withBase, facts).Any())
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<ImmutableDictionary<Declaration, object?>> EnumerateAggregate(
        AggregateElement aggregate, ImmutableDictionary<Declaration, object?> environment, IReadOnlyList<object> facts)
    {
        var source = aggregate.Source.Declaration;
        var matched = EnumeratePattern(aggregate.Source, environment, facts).ToList();
        var sourceFacts = matched.Select(m => m[source]).ToList();
        var selected = aggregate.Selector is null ? [] : matched.Select(m => Evaluate(aggregate.Selector, m)).ToList();

        var results = new List<object?>();
        switch (aggregate.Kind)
        {
            case AggregateKind.Collect:
                results.Add(TypedArray(source.Type, sourceFacts));
                break;
            case AggregateKind.Count:
                results.Add(sourceFacts.Count);
                break;
            case AggregateKind.Sum:
                results.Add(Sum(aggregate.Result.Type, selected));
                break;
            case AggregateKind.Min:
            case AggregateKind.Max:
                if (selected.Count > 0)
                {
                    // Text in ordinal order (the engine's, whatever the current culture), anything else by its own order.
                    var ordered = selected.Order(Comparer<object?>.Create(
                        (x, y) => x is string a && y is string b ? string.CompareOrdinal(a, b) : System.Collections.Comparer.Default.Compare(x, y))).ToList();
                    results.Add(aggregate.Kind == AggregateKind.Min ? ordered[0] : ordered[^1]);
                }

                break;
            case AggregateKind.GroupBy:
                var keyType = aggregate.Selector!.Expression.ReturnType;
                var groupType = typeof(FactGroup<,>).MakeGenericType(keyType, source.Type);
                var keys = new List<object?>();
                for (var i = 0; i < selected.Count; i++)
                {
                    if (!keys.Contains(selected[i]))
                    {
                        keys.Add(selected[i]);
                    }
                }

                foreach (var key in keys)
                {
                    var items = sourceFacts.Where((_, i) => Equals(selected[i], key)).ToList();
                    results.Add(Activator.CreateInstance(groupType, key, TypedArray(source.Type, items)));
                }

                break;
            default:
                throw new NotSupportedException($"Unknown aggregate kind {aggregate.Kind}.");
        }

        foreach (var result in results)
        {
            var extended = environment.Add(aggregate.Result, result);
            if (aggregate.ResultConditions.All(condition => (bool)Evaluate(condition, extended)!))
            {
                yield return extended;
            }
        }
    }

    private static Array TypedArray(Type elementType, List<object?> items)
    {
        // An array of the source type implements IReadOnlyList<T> of that type, as the engine's collect does.
        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    private static object Sum(Type type, List<object?> values)
    {
        if (type == typeof(int))
        {
            return values.Sum(v => (int)v!);
        }

        if (type == typeof(long))
        {
            return values.Sum(v => (long)v!);
        }

        if (type == typeof(decimal))
        {
            return values.Sum(v => (decimal)v!);
        }

        if (type == typeof(double))
        {
            return values.Sum(v => (double)v!);
        }

        throw new NotSupportedException($"The reference matcher does not sum {type.Name}.");
    }

    private object? Evaluate(ExpressionElement element, ImmutableDictionary<Declaration, object?> environment)
    {
        if (!_compiled.TryGetValue(element, out var compiled))
        {
            compiled = element.Expression.Compile();
            _compiled.Add(element, compiled);
        }

        var arguments = element.Parameters.Select(declaration => environment[declaration]).ToArray();
        return compiled.DynamicInvoke(arguments);
    }
}
