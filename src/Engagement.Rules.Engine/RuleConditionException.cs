using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine;

/// <summary>A rule condition (test, join key, binding, aggregate selector) threw while facts were being matched.</summary>
public sealed class RuleConditionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule whose condition failed.</param>
    /// <param name="ruleSource">Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>), when known.</param>
    /// <param name="facts">The facts the condition was evaluated on.</param>
    /// <param name="innerException">What the condition threw.</param>
    internal RuleConditionException(string ruleId, string? ruleSource, IReadOnlyList<object> facts, Exception innerException)
        : base($"A condition of rule '{ruleId}'{(ruleSource is null ? string.Empty : $" ({ruleSource})")} threw {innerException?.GetType().Name}: {innerException?.Message}", innerException)
    {
        RuleId = ruleId;
        RuleSource = ruleSource;
        Facts = facts;
    }

    /// <summary>The rule whose condition failed (the first rule using the condition when rules share it).</summary>
    public string RuleId { get; }

    /// <summary>Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>, e.g. <c>file:line:column</c>); null when unknown.</summary>
    public string? RuleSource { get; }

    /// <summary>The facts the condition was evaluated on.</summary>
    public IReadOnlyList<object> Facts { get; }
}
