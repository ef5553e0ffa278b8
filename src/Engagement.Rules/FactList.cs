using System.Collections.ObjectModel;

namespace Engagement.Rules;

/// <summary>
/// A customer's facts as <see cref="CustomerFacts.Facts"/> hands them out (a read-only collection, as before),
/// with the array underneath open to the evaluator: the policies' fact reading and the session's batch insert
/// index it directly instead of going through the collection and the array's list interface (two interface
/// calls per fact read).
/// </summary>
internal sealed class FactList(object[] items) : ReadOnlyCollection<object>(items)
{
    /// <summary>The facts, in the order given; never changed (it is the collection's own storage).</summary>
    public object[] Array { get; } = items;
}
