namespace Engagement.Rules.Decisions;

/// <summary>A warning or error of one customer's evaluation.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Message">What happened, naming the fact or rule concerned.</param>
public sealed record EngagementDiagnostic(EngagementDiagnosticCode Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
