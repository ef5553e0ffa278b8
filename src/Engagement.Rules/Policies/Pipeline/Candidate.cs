using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>A proposal on its way through the policies: the state each policy reads and refines.</summary>
internal sealed class Candidate(TouchProposal proposal, string key, int order)
{
    public TouchProposal Proposal { get; } = proposal;

    public string Key { get; } = key;

    /// <summary>The proposal's position among the proposals, for a stable report order.</summary>
    public int Order { get; set; } = order;

    /// <summary>The steps so far, exactly as many as were taken; null until the first (most touches pass every policy without one).</summary>
    /// <remarks>An array grown by one per step rather than a list: most touches take one step or two, and the array is handed to the explanation as it is.</remarks>
    public PolicyStep[]? Steps { get; private set; }

    /// <summary>A channel a stop condition imposes (postal mail for a customer who moved away).</summary>
    public ContactChannel? ForcedChannel { get; set; }

    public ContactChannel? Channel { get; set; }

    /// <summary>The implied consent grant the chosen channel relies on, when it lapses: checked again once the due instant is final.</summary>
    public LapsingConsent? LapsingConsent { get; set; }

    public Instant DueAt { get; set; }

    public Instant? ExpiresAt { get; set; }

    public void Step(string policy, string description)
    {
        var steps = Steps;
        var count = steps?.Length ?? 0;
        var grown = new PolicyStep[count + 1];
        steps?.CopyTo(grown, 0);
        grown[count] = new PolicyStep(policy, description);
        Steps = grown;
    }
}
