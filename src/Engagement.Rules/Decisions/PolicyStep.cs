namespace Engagement.Rules.Decisions;

/// <summary>One thing a policy did to a touch, in words, e.g. "held from 21:40 to 08:00 next day by quiet hours".</summary>
/// <param name="Policy">The policy's name, e.g. <c>quiet-hours</c>.</param>
/// <param name="Description">What it did and why.</param>
public sealed record PolicyStep(string Policy, string Description)
{
    /// <inheritdoc />
    public override string ToString() => $"{Policy}: {Description}";
}
