namespace Engagement.Rules.Engine.Tests.Properties.Facts;

/// <summary>
/// A fact inserted by a rule's action in the forward-chaining property. Its identity is the canonical key of
/// the match that produced it, so a match that fired twice would insert a duplicate and fail loudly.
/// </summary>
public sealed record Derived(string Key, int Level, int Value) : IFactIdentity
{
    public object FactIdentity => Key;

    public override string ToString() => $"D[{Key}](L={Level},V={Value})";
}
