namespace Engagement.Rules.Engine.Tests.Properties.Facts;

/// <summary>A second immutable fact type with an identity, so rules join across three types.</summary>
public sealed record Gamma(int Id, int X, int Y, string S) : ITestFact, IFactIdentity
{
    public object FactIdentity => (nameof(Gamma), Id);

    public override string ToString() => $"G{Id}(X={X},Y={Y},S={S})";
}
