namespace Engagement.Rules.Engine;

/// <summary>One problem found while compiling a rule.</summary>
/// <param name="RuleId">The rule concerned.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleCompilationError(string RuleId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"rule '{RuleId}': {Message}";
}
