using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Engagement.Rules.Engine.Network;

/// <summary>A read-only collection of collected facts that knows which facts they were (see <see cref="ICollectedFacts"/>).</summary>
/// <typeparam name="T">The fact type.</typeparam>
internal sealed class CollectedFacts<T> : ReadOnlyCollection<T>, ICollectedFacts
{
    public CollectedFacts(T[] facts, long[] sequences)
        : base(facts)
    {
        Sequences = sequences;
    }

    public IReadOnlyList<long> Sequences { get; }
}
