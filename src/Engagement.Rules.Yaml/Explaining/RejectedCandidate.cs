namespace Engagement.Rules.Yaml.Explaining;

/// <summary>A fact a pattern considered (or a value an aggregate computed) and the condition that rejected it.</summary>
public sealed class RejectedCandidate
{
    internal RejectedCandidate(object? value, ExplainedCondition rejectedBy)
    {
        Value = value;
        RejectedBy = rejectedBy;
    }

    /// <summary>The fact of the pattern's type; for an aggregate, its value (a count, a sum, a list...), which may be null.</summary>
    public object? Value { get; }

    /// <summary>
    /// The first condition, in written order, that the candidate failed with every match of the elements before it
    /// (for a join: whatever earlier facts it was paired with).
    /// </summary>
    public ExplainedCondition RejectedBy { get; }
}
