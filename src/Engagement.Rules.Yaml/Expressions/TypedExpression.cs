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

    public LambdaExpression ToLambda() => Expression.Lambda(Body, Parameters);
}
