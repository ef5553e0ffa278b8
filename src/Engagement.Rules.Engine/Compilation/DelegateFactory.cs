using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Network;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Wraps rule lambdas into lambdas over tokens: each parameter is read from the token level its declaration is
/// bound at (a fixed number of parent hops), the pattern's own fact from the extra argument. The wrappers are
/// compiled by <see cref="DelegateCompiler"/> (once per distinct wrapper).
/// </summary>
internal static class DelegateFactory
{
    private static readonly System.Reflection.PropertyInfo ParentProperty = typeof(Token).GetProperty(nameof(Token.Parent))!;
    private static readonly System.Reflection.PropertyInfo ValueProperty = typeof(Token).GetProperty(nameof(Token.Value))!;

    /// <summary>(left token at <paramref name="leftLevel"/>, own value) => lambda(...).</summary>
    public static Expression<Func<Token, object?, TResult>> Wrap<TResult>(
        LambdaExpression lambda,
        IReadOnlyList<Declaration> parameters,
        Declaration? own,
        int leftLevel,
        IReadOnlyDictionary<Declaration, int> levels)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        var value = Expression.Parameter(typeof(object), "value");
        var arguments = new Expression[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var type = lambda.Parameters[i].Type;
            arguments[i] = own is not null && ReferenceEquals(parameters[i], own)
                ? Expression.Convert(value, type)
                : Expression.Convert(Read(token, leftLevel - levels[parameters[i]]), type);
        }

        Expression body = Expression.Invoke(lambda, arguments);
        if (body.Type != typeof(TResult))
        {
            body = Expression.Convert(body, typeof(TResult));
        }

        return Expression.Lambda<Func<Token, object?, TResult>>(body, token, value);
    }

    /// <summary>
    /// A join key over earlier declarations, typed <paramref name="keyType"/>: the lambda's own type, or object with
    /// null mapped to <see cref="JoinKey.Null"/>.
    /// </summary>
    public static LambdaExpression WrapKey(Type keyType, LambdaExpression lambda, IReadOnlyList<Declaration> parameters, int leftLevel, IReadOnlyDictionary<Declaration, int> levels)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        var value = Expression.Parameter(typeof(object), "value");
        var arguments = new Expression[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            arguments[i] = Expression.Convert(Read(token, leftLevel - levels[parameters[i]]), lambda.Parameters[i].Type);
        }

        var body = KeyBody(keyType, Expression.Invoke(lambda, arguments));
        var type = typeof(Func<,,>).MakeGenericType(typeof(Token), typeof(object), keyType);
        return Expression.Lambda(type, body, token, value);
    }

    /// <summary>A join key over the pattern's own fact, typed as in <see cref="WrapKey"/>.</summary>
    public static LambdaExpression WrapSingleKey(Type keyType, LambdaExpression lambda) => OverFact(keyType, lambda, key: true);

    private static Expression KeyBody(Type keyType, Expression body) =>
        keyType == typeof(object) ? JoinKey.NullToSentinel(body) : body;

    /// <summary>(fact) => lambda(fact) as a <c>Func&lt;object, resultType&gt;</c>: a value over the fact, unboxed.</summary>
    public static LambdaExpression WrapSingleTyped(Type resultType, LambdaExpression lambda) => OverFact(resultType, lambda, key: false);

    /// <summary>(fact) => lambda(fact), for alpha tests and keys over the fact only.</summary>
    public static Expression<Func<object, TResult>> WrapSingle<TResult>(LambdaExpression lambda) =>
        (Expression<Func<object, TResult>>)OverFact(typeof(TResult), lambda, key: false);

    /// <summary>
    /// (fact) => lambda((T)fact) as a <c>Func&lt;object, resultType&gt;</c>; a key maps null to <see cref="JoinKey.Null"/>
    /// when typed object, any other result is converted to <paramref name="resultType"/> when it differs.
    /// </summary>
    private static LambdaExpression OverFact(Type resultType, LambdaExpression lambda, bool key)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        Expression body = Expression.Invoke(lambda, Expression.Convert(fact, lambda.Parameters[0].Type));
        if (key)
        {
            body = KeyBody(resultType, body);
        }
        else if (body.Type != resultType)
        {
            body = Expression.Convert(body, resultType);
        }

        return Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(object), resultType), body, fact);
    }

    /// <summary>(context, token at <paramref name="level"/>) => action(context, ...).</summary>
    public static Expression<Action<IActionContext, Token>> WrapAction(ActionElement action, int level, IReadOnlyDictionary<Declaration, int> levels)
    {
        var context = Expression.Parameter(typeof(IActionContext), "context");
        var token = Expression.Parameter(typeof(Token), "token");
        var arguments = new Expression[action.Parameters.Count + 1];
        arguments[0] = context;
        for (var i = 0; i < action.Parameters.Count; i++)
        {
            arguments[i + 1] = Expression.Convert(Read(token, level - levels[action.Parameters[i]]), action.Expression.Parameters[i + 1].Type);
        }

        return Expression.Lambda<Action<IActionContext, Token>>(Expression.Invoke(action.Expression, arguments), context, token);
    }

    private static MemberExpression Read(Expression token, int distance)
    {
        for (var i = 0; i < distance; i++)
        {
            token = Expression.Property(token, ParentProperty);
        }

        return Expression.Property(token, ValueProperty);
    }
}
