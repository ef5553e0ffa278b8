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
    /// <param name="name">The value of the action that threw (<see cref="IActionContext.ValueFailed"/>), when the action said.</param>
    /// <param name="expression">That value as its rule's author wrote it, when known.</param>
    internal RuleActionException(string ruleId, string? ruleSource, IReadOnlyList<object> facts, Exception innerException, string? name = null, string? expression = null)
        : base(
            $"{(name is null ? "An action of" : $"The value{(expression is null ? string.Empty : $" '{expression}'")} of '{name}' in an action of")} rule '{ruleId}'{(ruleSource is null ? string.Empty : $" ({ruleSource})")} threw {innerException?.GetType().Name}: {innerException?.Message}",
            innerException)
    {
        RuleId = ruleId;
        RuleSource = ruleSource;
        Facts = facts;
        Expression = expression;
    }

    /// <summary>The rule whose action failed.</summary>
    public string RuleId { get; }

    /// <summary>Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>, e.g. <c>file:line:column</c>); null when unknown.</summary>
    public string? RuleSource { get; }

    /// <summary>
    /// The value of the action that threw as its rule's author wrote it (a reason part, a due date: the YAML loader's
    /// actions name them through <see cref="IActionContext.ValueFailed"/>), when known; null otherwise.
    /// </summary>
    public string? Expression { get; }

    /// <summary>The facts of the firing match.</summary>
    public IReadOnlyList<object> Facts { get; }
}
