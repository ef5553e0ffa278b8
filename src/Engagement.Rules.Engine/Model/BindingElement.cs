using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Model;

/// <summary>Binds a computed value (a <c>let</c>) to a declaration, for later conditions and actions.</summary>
public sealed class BindingElement : RuleElement
{
    /// <summary>Creates a binding.</summary>
    /// <param name="declaration">The declaration receiving the value; its type is the expression's type.</param>
    /// <param name="expression">The expression computing the value.</param>
    /// <param name="parameters">The earlier declarations bound, in order, to the expression's parameters.</param>
    public BindingElement(Declaration declaration, LambdaExpression expression, IReadOnlyList<Declaration> parameters)
        : this(declaration, new ValueExpression(expression, parameters))
    {
    }

    /// <summary>Creates a binding of a value expression, which may carry the text it was written in (<see cref="ExpressionElement.Text"/>).</summary>
    /// <param name="declaration">The declaration receiving the value; its type is the expression's type.</param>
    /// <param name="value">The expression computing the value.</param>
    public BindingElement(Declaration declaration, ValueExpression value)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(value);
        Declaration = declaration;
        Value = value;
    }

    /// <summary>The declaration receiving the value.</summary>
    public Declaration Declaration { get; }

    /// <summary>The expression computing the value; its <see cref="ExpressionElement.Text"/> names it when it throws.</summary>
    public ValueExpression Value { get; }
}
