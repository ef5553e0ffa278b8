using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>Why each rule of a rule set fired, or did not, for one customer at one instant; immutable.</summary>
public sealed class CustomerExplanation
{
    internal CustomerExplanation(string customerId, Instant at, IReadOnlyList<RuleExplanation> rules)
    {
        CustomerId = customerId;
        At = at;
        Rules = rules;
    }

    /// <summary>The customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>The instant the rules were evaluated at.</summary>
    public Instant At { get; }

    /// <summary>One explanation per rule, in the rule set's order.</summary>
    public IReadOnlyList<RuleExplanation> Rules { get; }
}
