using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine;

/// <summary>A rule action threw while the rule fired.</summary>
public sealed class RuleActionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule whose action failed.</param>
    /// <param name="ruleSource">Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>), when known.</param>
    /// <param name="facts">The facts of the firing match.</param>
    /// <param name="innerException">What the action threw.</param>
    internal RuleActionException(string ruleId, string? ruleSource, IReadOnlyList<object> facts, Exception innerException)
        : base($"An action of rule '{ruleId}'{(ruleSource is null ? string.Empty : $" ({ruleSource})")} threw {innerException?.GetType().Name}: {innerException?.Message}", innerException)
    {
        RuleId = ruleId;
        RuleSource = ruleSource;
        Facts = facts;
    }

    /// <summary>The rule whose action failed.</summary>
    public string RuleId { get; }

    /// <summary>Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>, e.g. <c>file:line:column</c>); null when unknown.</summary>
    public string? RuleSource { get; }

    /// <summary>The facts of the firing match.</summary>
    public IReadOnlyList<object> Facts { get; }
}
