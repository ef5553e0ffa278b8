namespace Engagement.Rules.Engine.Tests.Properties.Facts;

/// <summary>A mutable fact identified by reference: updated by mutation followed by <c>Update(sameObject)</c>.</summary>
public sealed class Alpha : ITestFact
{
    public Alpha(int id, int x, int y, string s)
    {
        Id = id;
        X = x;
        Y = y;
        S = s;
    }

    public int Id { get; }

    public int X { get; set; }

    public int Y { get; set; }

    public string S { get; set; }

    public override string ToString() => $"A{Id}(X={X},Y={Y},S={S})";
}
