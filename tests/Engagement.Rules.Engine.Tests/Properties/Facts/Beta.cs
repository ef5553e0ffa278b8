namespace Engagement.Rules.Engine.Tests.Properties.Facts;

/// <summary>An immutable fact with an identity: updated by inserting a new version through <c>Update(newVersion)</c>.</summary>
public sealed record Beta(int Id, int X, int Y, string S) : ITestFact, IFactIdentity
{
    public object FactIdentity => (nameof(Beta), Id);

    public override string ToString() => $"B{Id}(X={X},Y={Y},S={S})";
}
