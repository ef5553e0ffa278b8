using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine;

/// <summary>
/// An expression of a rule's conditions threw while facts were being matched: a condition (test, join key, an
/// aggregate's result condition), a <c>let</c>'s value, or an aggregate's value, key or result.
/// </summary>
public sealed class RuleConditionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule whose expression failed.</param>
    /// <param name="ruleSource">Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>), when known.</param>
    /// <param name="facts">The facts the expression was evaluated on.</param>
    /// <param name="innerException">What the expression threw.</param>
    /// <param name="role">What the expression computes: a condition, or a value, key or aggregate result.</param>
    /// <param name="expression">The expression as its rule's author wrote it (<see cref="Model.ExpressionElement.Text"/>), when known.</param>
    /// <param name="name">For a value, key or aggregate result: the declaration receiving it.</param>
    internal RuleConditionException(
        string ruleId,
        string? ruleSource,
        IReadOnlyList<object> facts,
        Exception innerException,
        ExpressionRole role = ExpressionRole.Condition,
        string? expression = null,
        string? name = null)
        : base($"{Subject(role, expression, name)} rule '{ruleId}'{(ruleSource is null ? string.Empty : $" ({ruleSource})")} threw {innerException?.GetType().Name}: {innerException?.Message}", innerException)
    {
        RuleId = ruleId;
        RuleSource = ruleSource;
        Facts = facts;
        Expression = expression;
    }

    /// <summary>The rule whose expression failed (the first rule using the expression when rules share it).</summary>
    public string RuleId { get; }

    /// <summary>Where the rule was written (its <see cref="Model.RuleDefinition.SourceProperty"/>, e.g. <c>file:line:column</c>); null when unknown.</summary>
    public string? RuleSource { get; }

    /// <summary>
    /// The expression that threw as its rule's author wrote it (<see cref="Model.ExpressionElement.Text"/>, which the
    /// YAML loader sets), when known: a condition, a <c>let</c>'s value, or an aggregate's value or key (also when the
    /// aggregate's total is what failed, e.g. a sum that overflows); null for an expression built without a text.
    /// The message says which it is.
    /// </summary>
    public string? Expression { get; }

    /// <summary>The facts the expression was evaluated on.</summary>
    public IReadOnlyList<object> Facts { get; }

    // "The condition 'x > 1' of", "The value 'a / b' of 'ratio' in", "The sum 'total' of 'ro.total' in": what threw, as written.
    private static string Subject(ExpressionRole role, string? expression, string? name)
    {
        var quoted = expression is null ? string.Empty : $" '{expression}'";
        return role switch
        {
            ExpressionRole.Condition => expression is null ? "A condition of" : $"The condition{quoted} of",
            ExpressionRole.Value => $"The value{quoted} of '{name}' in",
            ExpressionRole.Key => $"The key{quoted} of '{name}' in",
            ExpressionRole.Aggregate => $"The aggregate '{name}' in",
            _ => $"The {(role == ExpressionRole.Sum ? "sum" : role == ExpressionRole.Min ? "min" : "max")} '{name}'{(expression is null ? string.Empty : $" of{quoted}")} in",
        };
    }
}
