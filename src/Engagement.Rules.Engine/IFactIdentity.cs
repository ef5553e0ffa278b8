namespace Engagement.Rules.Engine;

/// <summary>
/// Implemented by fact types whose instances are immutable and replaced by new versions: the session
/// identifies a fact by <see cref="FactIdentity"/> instead of by reference, so <c>Update(newVersion)</c>
/// and <c>Retract(anyVersion)</c> find the fact inserted earlier.
/// </summary>
public interface IFactIdentity
{
    /// <summary>A value, stable across versions of the fact, with value equality (e.g. a tuple of type and id).</summary>
    object FactIdentity { get; }
}
