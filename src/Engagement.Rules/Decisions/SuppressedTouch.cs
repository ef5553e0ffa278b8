namespace Engagement.Rules.Decisions;

/// <summary>A proposal the policies stopped, with a stable reason code and an explanation.</summary>
/// <param name="Proposal">The proposal as the rule made it.</param>
/// <param name="Reason">The stable reason code.</param>
/// <param name="IdempotencyKey">The key the touch would have had, so that held-out touches can be matched to outcomes.</param>
/// <param name="Explanation">The rule, its evidence, and the policy steps up to and including the one that stopped it.</param>
public sealed record SuppressedTouch(
    TouchProposal Proposal,
    SuppressionReason Reason,
    string IdempotencyKey,
    DecisionExplanation Explanation);
