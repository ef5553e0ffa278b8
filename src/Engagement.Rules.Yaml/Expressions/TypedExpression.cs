using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Yaml.Expressions;

/// <summary>
/// A type-checked expression: a body over one parameter per declaration it uses. <see cref="ToLambda"/>
/// gives the lambda and the declarations the engine's model needs (a condition, binding or value).
/// </summary>
internal sealed record TypedExpression(Expression Body, IReadOnlyList<Declaration> Declarations, IReadOnlyList<ParameterExpression> Parameters)
{
    public Type Type => Body.Type;

    /// <summary>
    /// Whether the value may be missing (only for expressions compiled without an expected type, e.g. a let
    /// of <c>customer.address</c> whose type is <c>Address?</c>): a let bound to it should be listed in
    /// <see cref="ExpressionScope.MaybeMissing"/> so that later uses are checked for has() or ??.
    /// </summary>
    public bool MayBeMissing { get; init; }

    public LambdaExpression ToLambda() => Expression.Lambda(Body, Parameters);
}
