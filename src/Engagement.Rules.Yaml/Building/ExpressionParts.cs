using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Expressions;

namespace Engagement.Rules.Yaml.Building;

/// <summary>
/// Combines several compiled expressions into one lambda: one parameter per declaration, shared by every
/// part that uses it, in order of first use (the engine passes declarations positionally).
/// </summary>
internal sealed class ExpressionParts
{
    private static readonly MethodInfo ValueFailedMethod = typeof(IActionContext).GetMethod(nameof(IActionContext.ValueFailed))!;

    private readonly Dictionary<Declaration, ParameterExpression> _parameters = new();
    private readonly List<Declaration> _declarations = new();

    public IReadOnlyList<Declaration> Declarations => _declarations;

    public IEnumerable<ParameterExpression> Parameters => _declarations.Select(d => _parameters[d]);

    /// <summary>The action's context: the lambda's first parameter, before <see cref="Parameters"/>.</summary>
    public ParameterExpression Context { get; } = Expression.Parameter(typeof(IActionContext), "context");

    public ParameterExpression Parameter(Declaration declaration)
    {
        if (!_parameters.TryGetValue(declaration, out var parameter))
        {
            parameter = Expression.Parameter(declaration.Type, declaration.Name);
            _parameters.Add(declaration, parameter);
            _declarations.Add(declaration);
        }

        return parameter;
    }

    /// <summary>The body of <paramref name="expression"/> over this lambda's shared parameters.</summary>
    public Expression Use(TypedExpression expression)
    {
        var map = new Dictionary<ParameterExpression, Expression>();
        for (var i = 0; i < expression.Parameters.Count; i++)
        {
            map[expression.Parameters[i]] = Parameter(expression.Declarations[i]);
        }

        return new Rebinder(map).Visit(expression.Body);
    }

    /// <summary>
    /// As <see cref="Use(TypedExpression)"/>, for a value of the action: what it throws is reported as the value
    /// <paramref name="name"/> written <paramref name="text"/> (<see cref="IActionContext.ValueFailed"/>), so the
    /// author learns which value failed. The try block costs nothing until the value throws.
    /// </summary>
    public Expression Use(TypedExpression expression, string name, string text)
    {
        var body = Use(expression);
        if (body is ConstantExpression or ParameterExpression)
        {
            return body;
        }

        var error = Expression.Parameter(typeof(Exception), "error");
        var report = Expression.Call(Context, ValueFailedMethod, Expression.Constant(name), Expression.Constant(text), error);
        return Expression.TryCatch(body, Expression.Catch(error, Expression.Throw(report, body.Type)));
    }

    private sealed class Rebinder : ExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, Expression> _map;

        public Rebinder(Dictionary<ParameterExpression, Expression> map)
        {
            _map = map;
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            _map.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
