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
    /// <param name="condition">The condition as its rule's author wrote it (<see cref="Model.ExpressionElement.Text"/>), when known.</param>
    internal RuleConditionException(string ruleId, string? ruleSource, IReadOnlyList<object> facts, Exception innerException, string? condition = null)
        : base(
            $"{(condition is null ? "A condition" : $"The condition '{condition}'")} of rule '{ruleId}'{(ruleSource is null ? string.Empty : $" ({ruleSource})")} threw {innerException?.GetType().Name}: {innerException?.Message}",
            innerException)
    {
        RuleId = ruleId;
        RuleSource = ruleSource;
        Facts = facts;
        Condition = condition;
    }

    /// <summary>The rule whose condition failed (the first rule using the condition when rules share it).</summary>
    public string RuleId { get; }

    /// <summary>Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>, e.g. <c>file:line:column</c>); null when unknown.</summary>
    public string? RuleSource { get; }

    /// <summary>
    /// The condition that threw as its rule's author wrote it (<see cref="Model.ExpressionElement.Text"/>, set by the
    /// YAML loader), when known; null for conditions built without a text, and for bindings and aggregate values.
    /// </summary>
    public string? Condition { get; }

    /// <summary>The facts the condition was evaluated on.</summary>
    public IReadOnlyList<object> Facts { get; }
}
