using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

/// <summary>The aggregation an <see cref="AggregateElement"/> computes.</summary>
public enum AggregateKind
{
    /// <summary>All matching facts, as an <see cref="IReadOnlyList{T}"/> of the source type (possibly empty).</summary>
    Collect = 0,

    /// <summary>The number of matching facts, as an <see cref="int"/> (possibly zero).</summary>
    Count = 1,

    /// <summary>The sum of the selector over matching facts (zero when none match); selector of a numeric type.</summary>
    Sum = 2,

    /// <summary>The smallest selector value; no result when nothing matches.</summary>
    Min = 3,

    /// <summary>The largest selector value; no result when nothing matches.</summary>
    Max = 4,

    /// <summary>One result per distinct selector key, as a <see cref="FactGroup{TKey, TElement}"/>; no result for an empty group.</summary>
    GroupBy = 5,
}
