namespace Engagement.Rules.Engine;

/// <summary>Settings of a session.</summary>
public sealed record SessionOptions
{
    /// <summary>The default settings.</summary>
    public static SessionOptions Default { get; } = new();

    /// <summary>
    /// The loop guard: the most rules one <c>Fire</c> may fire before it stops with a
    /// <see cref="RuleLoopException"/> naming the rules involved. Default 10,000.
    /// </summary>
    public int MaxFiringsPerFire { get; init; } = 10_000;
}
