namespace Engagement.Rules.Policies;

/// <summary>Settings of arbitration between competing touches.</summary>
public sealed record ArbitrationOptions
{
    /// <summary>
    /// The most non-safety touches a customer gets per local day (history and this evaluation together).
    /// Default 1.
    /// </summary>
    public int MaxNonSafetyTouchesPerDay { get; init; } = 1;
}
