using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine;

/// <summary>A rule condition (test, join key, binding, aggregate selector) threw while facts were being matched.</summary>
public sealed class RuleConditionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule whose condition failed.</param>
    /// <param name="facts">The facts the condition was evaluated on.</param>
    /// <param name="innerException">What the condition threw.</param>
    public RuleConditionException(string ruleId, IReadOnlyList<object> facts, Exception innerException)
        : base($"A condition of rule '{ruleId}' threw {innerException?.GetType().Name}: {innerException?.Message}", innerException)
    {
        RuleId = ruleId;
        Facts = facts;
    }

    /// <summary>The rule whose condition failed (the first rule using the condition when rules share it).</summary>
    public string RuleId { get; }

    /// <summary>The facts the condition was evaluated on.</summary>
    public IReadOnlyList<object> Facts { get; }
}
