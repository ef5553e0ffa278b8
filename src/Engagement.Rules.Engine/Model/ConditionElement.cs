using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Model;

/// <summary>
/// A boolean test in a pattern. A condition whose only parameter is the pattern's own declaration is an alpha
/// test; one that also refers to earlier declarations is a join. Equality tests
/// (<c>fact.Field == constant</c>, <c>fact.Field == other.Field</c>) are recognised and hash-indexed.
/// </summary>
public sealed class ConditionElement : ExpressionElement
{
    /// <summary>Creates a condition.</summary>
    /// <param name="expression">A lambda returning <see cref="bool"/>.</param>
    /// <param name="parameters">The declarations bound, in order, to the lambda's parameters.</param>
    /// <exception cref="ArgumentException">
    /// The lambda does not return <see cref="bool"/>, or its parameters do not match <paramref name="parameters"/> in
    /// number or type.
    /// </exception>
    public ConditionElement(LambdaExpression expression, IReadOnlyList<Declaration> parameters)
        : base(expression, parameters, leadingParameters: 0)
    {
        if (expression.ReturnType != typeof(bool))
        {
            throw new ArgumentException("A condition must return bool.", nameof(expression));
        }
    }
}
