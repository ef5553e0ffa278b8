using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine;

/// <summary>A rule action threw while the rule fired.</summary>
public sealed class RuleActionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule whose action failed.</param>
    /// <param name="facts">The facts of the firing match.</param>
    /// <param name="innerException">What the action threw.</param>
    public RuleActionException(string ruleId, IReadOnlyList<object> facts, Exception innerException)
        : base($"An action of rule '{ruleId}' threw {innerException?.GetType().Name}: {innerException?.Message}", innerException)
    {
        RuleId = ruleId;
        Facts = facts;
    }

    /// <summary>The rule whose action failed.</summary>
    public string RuleId { get; }

    /// <summary>The facts of the firing match.</summary>
    public IReadOnlyList<object> Facts { get; }
}
