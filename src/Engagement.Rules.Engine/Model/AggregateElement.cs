using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

/// <summary>
/// Aggregates the facts matching <see cref="Source"/> (which may join earlier declarations) and binds the
/// result to <see cref="Result"/>. <see cref="ResultConditions"/> filter the result (e.g. <c>count &gt;= 3</c>).
/// </summary>
public sealed class AggregateElement : RuleElement
{
    /// <summary>Creates an aggregate.</summary>
    /// <param name="result">The declaration receiving the aggregate value; its type must fit <paramref name="kind"/>.</param>
    /// <param name="kind">The aggregation.</param>
    /// <param name="source">The facts aggregated.</param>
    /// <param name="selector">
    /// For <see cref="AggregateKind.Sum"/>, <see cref="AggregateKind.Min"/>, <see cref="AggregateKind.Max"/> and
    /// <see cref="AggregateKind.GroupBy"/>: the value or key, over the source declaration only.
    /// </param>
    /// <param name="resultConditions">Conditions over <paramref name="result"/> (and earlier declarations).</param>
    public AggregateElement(
        Declaration result,
        AggregateKind kind,
        PatternElement source,
        ValueExpression? selector = null,
        IReadOnlyList<ConditionElement>? resultConditions = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(source);
        var needsSelector = kind is AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.GroupBy;
        if (needsSelector && selector is null)
        {
            throw new ArgumentException($"A {kind} aggregate needs a selector.", nameof(selector));
        }

        Result = result;
        Kind = kind;
        Source = source;
        Selector = selector;
        ResultConditions = (resultConditions ?? Array.Empty<ConditionElement>()).AsReadOnlyCopy();
    }

    /// <summary>The declaration receiving the aggregate value.</summary>
    public Declaration Result { get; }

    /// <summary>The aggregation.</summary>
    public AggregateKind Kind { get; }

    /// <summary>The facts aggregated.</summary>
    public PatternElement Source { get; }

    /// <summary>The value or key selector, where the kind needs one.</summary>
    public ValueExpression? Selector { get; }

    /// <summary>Conditions over the result.</summary>
    public IReadOnlyList<ConditionElement> ResultConditions { get; }
}
