using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Model;

/// <summary>
/// An action run when the rule fires. The lambda's first parameter is the <see cref="IActionContext"/>; the
/// others receive, in order, the values of <see cref="ExpressionElement.Parameters"/>.
/// </summary>
public sealed class ActionElement : ExpressionElement
{
    /// <summary>Creates an action.</summary>
    /// <param name="expression">A lambda whose first parameter is an <see cref="IActionContext"/>.</param>
    /// <param name="parameters">The declarations bound to the remaining parameters.</param>
    /// <exception cref="ArgumentException">
    /// The first parameter is not an <see cref="IActionContext"/>, or the other parameters do not match
    /// <paramref name="parameters"/> in number or type.
    /// </exception>
    public ActionElement(LambdaExpression expression, IReadOnlyList<Declaration> parameters)
        : base(expression, parameters, leadingParameters: 1)
    {
        if (expression.Parameters[0].Type != typeof(IActionContext))
        {
            throw new ArgumentException("An action's first parameter must be an IActionContext.", nameof(expression));
        }
    }
}
