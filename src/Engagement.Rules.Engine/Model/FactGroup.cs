using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

/// <summary>One group of a <see cref="AggregateKind.GroupBy"/> aggregate.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TElement">The fact type.</typeparam>
/// <param name="Key">The key shared by the facts of the group.</param>
/// <param name="Items">The facts of the group, in insertion order.</param>
public sealed record FactGroup<TKey, TElement>(TKey Key, IReadOnlyList<TElement> Items);
