using System;
using System.Collections;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>How an aggregate node turns the facts of its sub-network into a result.</summary>
internal sealed class AggregateSpec
{
    private readonly Func<IReadOnlyList<AggregateItem>, object> _collect;
    private readonly Func<object?, IReadOnlyList<AggregateItem>, object> _group;

    public AggregateSpec(
        AggregateKind kind,
        Type sourceType,
        Type? selectorType,
        Func<object, object?>? selector)
    {
        Kind = kind;
        Selector = selector;
        SelectorType = selectorType;
        var helper = typeof(AggregateFunctions<>).MakeGenericType(sourceType);
        _collect = helper.GetMethod(nameof(AggregateFunctions<object>.Collect))!
            .CreateDelegate<Func<IReadOnlyList<AggregateItem>, object>>();
        _group = kind == AggregateKind.GroupBy
            ? typeof(GroupFunctions<,>).MakeGenericType(selectorType!, sourceType)
                .GetMethod(nameof(GroupFunctions<object, object>.Make))!
                .CreateDelegate<Func<object?, IReadOnlyList<AggregateItem>, object>>()
            : static (_, _) => throw new InvalidOperationException("Not a group-by aggregate.");
    }

    public AggregateKind Kind { get; }

    public Type? SelectorType { get; }

    public Func<object, object?>? Selector { get; }

    public bool IsGroupBy => Kind == AggregateKind.GroupBy;

    public object? Select(Session session, BetaNode node, Token result)
    {
        if (Selector is null)
        {
            return null;
        }

        try
        {
            return Selector(result.Value!);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(node.RuleId, null, result.Value, ex);
        }
    }

    public object MakeGroup(object? key, IReadOnlyList<AggregateItem> items) => _group(key, items);

    /// <summary>Computes the value; false when the kind has no result for these items (min/max of nothing).</summary>
    public bool TryCompute(IReadOnlyList<AggregateItem> items, out object? value)
    {
        switch (Kind)
        {
            case AggregateKind.Collect:
                value = _collect(items);
                return true;
            case AggregateKind.Count:
                value = items.Count;
                return true;
            case AggregateKind.Sum:
                value = Sum(items);
                return true;
            case AggregateKind.Min:
            case AggregateKind.Max:
                if (items.Count == 0)
                {
                    value = null;
                    return false;
                }

                var best = items[0].Selected;
                for (var i = 1; i < items.Count; i++)
                {
                    var c = Comparer.Default.Compare(items[i].Selected, best);
                    if (Kind == AggregateKind.Min ? c < 0 : c > 0)
                    {
                        best = items[i].Selected;
                    }
                }

                value = best;
                return true;
            default:
                value = null;
                return false;
        }
    }

    private object Sum(IReadOnlyList<AggregateItem> items)
    {
        var type = Nullable.GetUnderlyingType(SelectorType!) ?? SelectorType!;
        if (type == typeof(int))
        {
            var sum = 0;
            for (var i = 0; i < items.Count; i++)
            {
                sum += items[i].Selected is int v ? v : 0;
            }

            return sum;
        }

        if (type == typeof(long))
        {
            var sum = 0L;
            for (var i = 0; i < items.Count; i++)
            {
                sum += items[i].Selected is long v ? v : 0;
            }

            return sum;
        }

        if (type == typeof(decimal))
        {
            var sum = 0m;
            for (var i = 0; i < items.Count; i++)
            {
                sum += items[i].Selected is decimal v ? v : 0;
            }

            return sum;
        }

        if (type == typeof(float))
        {
            var sum = 0f;
            for (var i = 0; i < items.Count; i++)
            {
                sum += items[i].Selected is float v ? v : 0;
            }

            return sum;
        }

        var total = 0d;
        for (var i = 0; i < items.Count; i++)
        {
            total += items[i].Selected is double v ? v : 0;
        }

        return total;
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
    public static object Collect(IReadOnlyList<AggregateItem> items)
    {
        if (items.Count == 0)
        {
            return Array.Empty<T>();
        }

        var result = new T[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (T)items[i].Source.Value!;
        }

        return Array.AsReadOnly(result);
    }
}

/// <summary>Typed <see cref="FactGroup{TKey, TElement}"/> building.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="T">The source fact type.</typeparam>
internal static class GroupFunctions<TKey, T>
{
    public static object Make(object? key, IReadOnlyList<AggregateItem> items)
    {
        var result = new T[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (T)items[i].Source.Value!;
        }

        return new FactGroup<TKey, T>((TKey)key!, Array.AsReadOnly(result));
    }
}
