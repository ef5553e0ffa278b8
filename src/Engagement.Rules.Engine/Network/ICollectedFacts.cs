using System.Collections.Generic;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// The facts of a collect or a group, with the insertion sequences of the facts they are (unique within a session):
/// an object retracted and inserted again is a new fact with a new sequence, so a recomputed collection of the same
/// objects is told from one of the same facts (see <see cref="AggregateSpec.SameResult"/>).
/// </summary>
internal interface ICollectedFacts
{
    /// <summary>The facts' insertion sequences, in the collection's order.</summary>
    IReadOnlyList<long> Sequences { get; }
}
