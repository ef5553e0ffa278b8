using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Model;

/// <summary>
/// A compiled-once expression over declarations: the i-th parameter of <see cref="Expression"/> receives the
/// value of the i-th entry of <see cref="Parameters"/>.
/// </summary>
public abstract class ExpressionElement
{
    private protected ExpressionElement(LambdaExpression expression, IReadOnlyList<Declaration> parameters, int leadingParameters)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(parameters);
        if (expression.Parameters.Count != parameters.Count + leadingParameters)
        {
            throw new ArgumentException(
                $"The expression has {expression.Parameters.Count} parameters but {parameters.Count + leadingParameters} were expected.",
                nameof(parameters));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = expression.Parameters[i + leadingParameters];
            if (!parameter.Type.IsAssignableFrom(parameters[i].Type))
            {
                throw new ArgumentException(
                    $"Parameter '{parameter.Name}' of type {parameter.Type.Name} cannot receive declaration '{parameters[i].Name}' of type {parameters[i].Type.Name}.",
                    nameof(parameters));
            }
        }

        Expression = expression;
        Parameters = parameters.AsReadOnlyCopy();
    }

    /// <summary>The expression.</summary>
    public LambdaExpression Expression { get; }

    /// <summary>The declarations bound, in order, to the expression's parameters.</summary>
    public IReadOnlyList<Declaration> Parameters { get; }

    /// <summary>
    /// The text the expression was written in (a YAML rule's <c>where</c>, say), for tools that show rules to the people
    /// who wrote them; null for an expression built in C#. The engine does not read it: two conditions with the same
    /// expression share their node whatever their texts.
    /// </summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string ToString() => Expression.ToString();
}
