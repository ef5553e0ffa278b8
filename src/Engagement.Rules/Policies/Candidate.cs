using System.Collections.Generic;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>A proposal on its way through the policies: the state each policy reads and refines.</summary>
internal sealed class Candidate(TouchProposal proposal, string key, int order)
{
    public TouchProposal Proposal { get; } = proposal;

    public string Key { get; } = key;

    /// <summary>The proposal's position among the proposals, for a stable report order.</summary>
    public int Order { get; set; } = order;

    /// <summary>The steps so far; null until the first (most touches pass every policy without one).</summary>
    public List<PolicyStep>? Steps { get; private set; }

    /// <summary>A channel a stop condition imposes (postal mail for a customer who moved away).</summary>
    public ContactChannel? ForcedChannel { get; set; }

    public ContactChannel? Channel { get; set; }

    public Instant DueAt { get; set; }

    public Instant? ExpiresAt { get; set; }

    public void Step(string policy, string description) => (Steps ??= new List<PolicyStep>(2)).Add(new PolicyStep(policy, description));
}
