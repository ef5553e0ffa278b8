using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Model;

/// <summary>An expression computing a value from declarations.</summary>
public sealed class ValueExpression : ExpressionElement
{
    /// <summary>Creates a value expression.</summary>
    /// <param name="expression">The lambda.</param>
    /// <param name="parameters">The declarations bound, in order, to its parameters.</param>
    public ValueExpression(LambdaExpression expression, IReadOnlyList<Declaration> parameters)
        : base(expression, parameters, leadingParameters: 0)
    {
    }
}
