using System;
using System.Collections;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>How an aggregate node turns the facts of its sub-network into a result.</summary>
internal sealed class AggregateSpec
{
    // Boxed counts up to this size are made once: a count is recomputed every time the aggregated facts change.
    private static readonly object[] SmallCounts = CreateSmallCounts(64);

    private readonly Func<IReadOnlyList<Token>, object> _collect;
    private readonly Func<object?, IReadOnlyList<Token>, object> _group;
    private readonly Func<object?, object?, object?, bool> _sameGroup;

    /// <param name="kind">What is computed.</param>
    /// <param name="sourceType">The type of the aggregated facts.</param>
    /// <param name="selectorType">The selector's type (the group-by key type of a group-by).</param>
    /// <param name="keySelector">The group-by key selector (boxing: keys are compared as objects).</param>
    /// <param name="calculator">The typed sum/min/max over the selected values.</param>
    /// <param name="resultName">The declaration receiving the result (the first rule's, when rules share the node), for errors.</param>
    /// <param name="selectorText">The selector as its rule's author wrote it, when known, for errors.</param>
    public AggregateSpec(
        AggregateKind kind,
        Type sourceType,
        Type? selectorType,
        Func<object, object?>? keySelector,
        AggregateCalculator? calculator,
        string resultName,
        string? selectorText)
    {
        Kind = kind;
        ResultName = resultName;
        SelectorText = selectorText;
        Selector = keySelector;
        Calculator = calculator;
        var helper = typeof(AggregateFunctions<>).MakeGenericType(sourceType);
        _collect = helper.GetMethod(nameof(AggregateFunctions<object>.Collect))!
            .CreateDelegate<Func<IReadOnlyList<Token>, object>>();
        _group = kind == AggregateKind.GroupBy
            ? typeof(GroupFunctions<,>).MakeGenericType(selectorType!, sourceType)
                .GetMethod(nameof(GroupFunctions<object, object>.Make))!
                .CreateDelegate<Func<object?, IReadOnlyList<Token>, object>>()
            : static (_, _) => throw new InvalidOperationException("Not a group-by aggregate.");
        _sameGroup = kind == AggregateKind.GroupBy
            ? typeof(GroupFunctions<,>).MakeGenericType(selectorType!, sourceType)
                .GetMethod(nameof(GroupFunctions<object, object>.Same))!
                .CreateDelegate<Func<object?, object?, object?, bool>>()
            : static (_, _, _) => false;
    }

    public AggregateKind Kind { get; }

    /// <summary>The group-by key selector; null for the other kinds.</summary>
    public Func<object, object?>? Selector { get; }

    /// <summary>Sum, min and max over typed selected values; null for the other kinds.</summary>
    public AggregateCalculator? Calculator { get; }

    public bool IsGroupBy => Kind == AggregateKind.GroupBy;

    /// <summary>The declaration receiving the result; read only when the aggregate throws.</summary>
    public string ResultName { get; }

    /// <summary>The selector (value or key) as its rule's author wrote it, when known; read only when it throws.</summary>
    public string? SelectorText { get; }

    /// <summary>How an error of the aggregate's own computation (a sum that overflows, a group key whose Equals throws) names it.</summary>
    public ExpressionRole ResultRole => Kind switch
    {
        AggregateKind.Sum => ExpressionRole.Sum,
        AggregateKind.Min => ExpressionRole.Min,
        AggregateKind.Max => ExpressionRole.Max,
        AggregateKind.GroupBy => ExpressionRole.Key,
        _ => ExpressionRole.Aggregate,
    };

    /// <summary>The group-by key of a result of the sub-network.</summary>
    public object? Select(Session session, BetaNode node, Token result)
    {
        try
        {
            return Selector!(result.Value!);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ExpressionFailed(node.RuleId, null, result.Value, ex, ExpressionRole.Key, SelectorText, ResultName);
        }
    }

    /// <summary>Selects the value of a result of the sub-network into <paramref name="values"/> at <paramref name="index"/>.</summary>
    public void InsertValue(Session session, BetaNode node, AggregateValues values, int index, Token result)
    {
        try
        {
            Calculator!.Insert(values, index, result.Value!);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ExpressionFailed(node.RuleId, null, result.Value, ex, ExpressionRole.Value, SelectorText, ResultName);
        }
    }

    public object MakeGroup(object? key, IReadOnlyList<Token> items) => _group(key, items);

    /// <summary>
    /// True when two results of this aggregate are the same value: equal, or a collection (a group with an equal
    /// key) of the very same facts in the same order, none of them <paramref name="updated"/>. A collection is
    /// built anew whenever its owner is, so a match that goes away and comes back within one operation (its
    /// not/exists witness moved) holds a new collection of the same facts: it is the same match, not a new one.
    /// An updated fact among them still makes the value a new one, as an update of a collected fact always has.
    /// </summary>
    public bool SameResult(object? x, object? y, object? updated) => Kind switch
    {
        _ when Equals(x, y) => true,
        AggregateKind.Collect => SameFacts(x as IList, y as IList, updated),
        AggregateKind.GroupBy => _sameGroup(x, y, updated),
        _ => false,
    };

    /// <summary>The same facts (the same objects, inserted as the same facts) in the same order, none of them <paramref name="updated"/>.</summary>
    public static bool SameFacts(IList? x, IList? y, object? updated)
    {
        if (x is null || y is null || x.Count != y.Count)
        {
            return false;
        }

        // The same objects may be new facts (retracted and inserted again since the value was computed: an
        // aggregate is recomputed only when the agenda is next read): their sequences tell.
        var xs = (x as ICollectedFacts)?.Sequences;
        var ys = (y as ICollectedFacts)?.Sequences;
        for (var i = 0; i < x.Count; i++)
        {
            if (!ReferenceEquals(x[i], y[i]) || (updated is not null && ReferenceEquals(x[i], updated))
                || (xs is not null && ys is not null && xs[i] != ys[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Computes the value; false when the kind has no result for these items (min/max of nothing). Sum, min and max
    /// read <paramref name="values"/>, the items' selected values (see <see cref="AggregateOwnerToken.ValuesFor"/>).
    /// </summary>
    public bool TryCompute(IReadOnlyList<Token> items, AggregateValues? values, out object? value)
    {
        switch (Kind)
        {
            case AggregateKind.Collect:
                value = _collect(items);
                return true;
            case AggregateKind.Count:
                value = items.Count < SmallCounts.Length ? SmallCounts[items.Count] : items.Count;
                return true;
            case AggregateKind.Sum:
            case AggregateKind.Min:
            case AggregateKind.Max:
                return Calculator!.TryCompute(Kind, values!, out value);
            default:
                value = null;
                return false;
        }
    }

    private static object[] CreateSmallCounts(int size)
    {
        var counts = new object[size];
        for (var i = 0; i < size; i++)
        {
            counts[i] = i;
        }

        return counts;
    }

    public static bool IsSummable(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t == typeof(float);
    }
}

/// <summary>Typed collection building for aggregates over facts of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The source fact type.</typeparam>
internal static class AggregateFunctions<T>
{
    public static object Collect(IReadOnlyList<Token> items)
    {
        if (items.Count == 0)
        {
            return Array.Empty<T>();
        }

        return Facts(items);
    }

    /// <summary>The items' facts, knowing which facts they were (see <see cref="CollectedFacts{T}"/>).</summary>
    public static CollectedFacts<T> Facts(IReadOnlyList<Token> items)
    {
        var result = new T[items.Count];
        var sequences = new long[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (T)items[i].Value!;
            sequences[i] = items[i].Fact!.Sequence;
        }

        return new CollectedFacts<T>(result, sequences);
    }
}

/// <summary>Typed <see cref="FactGroup{TKey, TElement}"/> building.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="T">The source fact type.</typeparam>
internal static class GroupFunctions<TKey, T>
{
    public static object Make(object? key, IReadOnlyList<Token> items)
    {
        return new FactGroup<TKey, T>((TKey)key!, AggregateFunctions<T>.Facts(items));
    }

    /// <summary>Two groups this aggregate made with equal keys and the same facts (see <see cref="AggregateSpec.SameResult"/>).</summary>
    public static bool Same(object? x, object? y, object? updated) =>
        x is FactGroup<TKey, T> a && y is FactGroup<TKey, T> b && Equals(a.Key, b.Key)
        && AggregateSpec.SameFacts(a.Items as IList, b.Items as IList, updated);
}
