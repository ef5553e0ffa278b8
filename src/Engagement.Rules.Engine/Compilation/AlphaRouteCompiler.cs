using System;
using System.Linq.Expressions;
using System.Reflection;
using Engagement.Rules.Engine.Network;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Compiles the alpha tree of a fact type into one delegate: the tests inline, in the tree's order, each nested in
/// the branch of its parent, with no delegate call or recursion per test. What it does is exactly the session's
/// walk of the tree (the same memories reached in the same order, a failing test reported with its rule); dispatch
/// groups stay a dictionary lookup, handed back to the session.
/// </summary>
internal static class AlphaRouteCompiler
{
    /// <summary>Trees larger than this stay interpreted: one huge method would cost more to compile than it saves.</summary>
    public const int MaxNodes = 256;

    private static readonly MethodInfo Reach = typeof(Session).GetMethod(nameof(Session.Reach))!;
    private static readonly MethodInfo Dispatch = typeof(Session).GetMethod(nameof(Session.Dispatch))!;
    private static readonly MethodInfo ConditionFailed = typeof(Session).GetMethod(nameof(Session.ConditionFailed))!;

    /// <summary>The compiled walk of a type root's tree; null when it is too large to be worth compiling.</summary>
    public static Action<Session, object>? TryCompile(AlphaNode root)
    {
        if (Count(root) > MaxNodes)
        {
            return null;
        }

        var session = Expression.Parameter(typeof(Session), "session");
        var fact = Expression.Parameter(typeof(object), "fact");
        return Expression.Lambda<Action<Session, object>>(Node(root, session, fact), session, fact).Compile();
    }

    private static int Count(AlphaNode node)
    {
        var count = 1;
        foreach (var child in node.Children)
        {
            count += Count(child);
        }

        return count;
    }

    private static Expression Node(AlphaNode node, ParameterExpression session, ParameterExpression fact)
    {
        var steps = new System.Collections.Generic.List<Expression>();
        if (node.Memory is { } memory)
        {
            steps.Add(Expression.Call(session, Reach, Expression.Constant(memory.Id)));
        }

        foreach (var child in node.Children)
        {
            steps.Add(Expression.IfThen(Test(child, session, fact), Node(child, session, fact)));
        }

        foreach (var group in node.Groups)
        {
            steps.Add(Expression.Call(session, Dispatch, Expression.Constant(group), fact));
        }

        return steps.Count == 0 ? Expression.Empty() : Expression.Block(steps);
    }

    /// <summary>The test over the fact; an exception from it is reported as the walk reports it (with its rule).</summary>
    private static TryExpression Test(AlphaNode node, ParameterExpression session, ParameterExpression fact)
    {
        var lambda = node.TestLambda!;
        var test = Expression.Invoke(lambda, Expression.Convert(fact, lambda.Parameters[0].Type));
        var error = Expression.Variable(typeof(Exception), "error");
        var report = Expression.Call(session, ConditionFailed, Expression.Constant(node.RuleId), Expression.Constant(null, typeof(Token)), fact, error, Expression.Constant(node.Condition, typeof(string)));
        return Expression.TryCatch(
            test,
            Expression.Catch(
                error,
                Expression.Condition(
                    Expression.TypeIs(error, typeof(RuleConditionException)),
                    Expression.Rethrow(typeof(bool)),
                    Expression.Throw(report, typeof(bool)))));
    }
}
