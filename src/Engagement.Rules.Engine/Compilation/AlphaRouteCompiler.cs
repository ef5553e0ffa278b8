using System;
using System.Linq.Expressions;
using System.Reflection;
using Engagement.Rules.Engine.Network;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Compiles the alpha tree of a fact type into one delegate: the tests inline, in the tree's order, each nested in
/// the branch of its parent, with no delegate call or recursion per test. What it does is exactly the session's
/// walk of the tree (the same memories reached in the same order, a failing test reported with its rule). A dispatch
/// group of up to <see cref="MaxInlineBranches"/> branches compares its key with each branch's constant in turn, the
/// branches compiled inline; a larger one stays a dictionary lookup, handed back to the session.
/// </summary>
internal static class AlphaRouteCompiler
{
    /// <summary>Trees larger than this stay interpreted: one huge method would cost more to compile than it saves.</summary>
    public const int MaxNodes = 256;

    /// <summary>
    /// Up to this many branches a dispatch group compares the key with each constant: cheaper than hashing it (a text
    /// key's hash is computed afresh at every lookup) and walking the branch found interpreted.
    /// </summary>
    public const int MaxInlineBranches = 8;

    private static readonly MethodInfo Reach = typeof(Session).GetMethod(nameof(Session.Reach))!;
    private static readonly MethodInfo Dispatch = typeof(Session).GetMethod(nameof(Session.Dispatch))!;
    private static readonly MethodInfo ConditionFailed = typeof(Session).GetMethod(nameof(Session.ConditionFailed))!;
    private static readonly MethodInfo ObjectEquals = typeof(object).GetMethod(nameof(Equals), BindingFlags.Public | BindingFlags.Static)!;

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

    // The nodes compiled into the route: the children, and the branches of the groups compared inline.
    private static int Count(AlphaNode node)
    {
        var count = 1;
        foreach (var child in node.Children)
        {
            count += Count(child);
        }

        foreach (var group in node.Groups)
        {
            if (group.Branches.Count <= MaxInlineBranches)
            {
                foreach (var branch in group.Branches.Values)
                {
                    count += Count(branch);
                }
            }
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
            steps.Add(group.Branches.Count <= MaxInlineBranches
                ? InlineDispatch(group, session, fact)
                : Expression.Call(session, Dispatch, Expression.Constant(group), fact));
        }

        return steps.Count == 0 ? Expression.Empty() : Expression.Block(steps);
    }

    /// <summary>
    /// <see cref="Session.Dispatch"/> inline: the key (null standing for <see cref="JoinKey.Null"/>) compared with the
    /// branches' constants in the dictionary's order, the constant's <c>Equals</c> given the key
    /// (<see cref="object.Equals(object, object)"/> with the constant first, as the default comparer calls the stored
    /// key's); the constants are distinct, so at most one branch is taken. Both paths agree for every key type whose
    /// <c>Equals</c> is symmetric and agrees with <c>GetHashCode</c> (the only ones grouped: built-in <c>==</c>, string,
    /// decimal). A key that throws is reported with the group's rule.
    /// </summary>
    private static BlockExpression InlineDispatch(DispatchGroup group, ParameterExpression session, ParameterExpression fact)
    {
        var key = Expression.Variable(typeof(object), "key");
        var error = Expression.Variable(typeof(Exception), "error");
        var report = Expression.Call(session, ConditionFailed, Expression.Constant(group.RuleId), Expression.Constant(null, typeof(Token)), fact, error, Expression.Constant(group.Condition, typeof(string)));
        var computed = Expression.TryCatch(
            Expression.Invoke(Expression.Constant(group.Key), fact),
            Expression.Catch(
                error,
                Expression.Condition(
                    Expression.TypeIs(error, typeof(RuleConditionException)),
                    Expression.Rethrow(typeof(object)),
                    Expression.Throw(report, typeof(object)))));
        Expression branches = Expression.Empty();
        foreach (var (constant, branch) in group.Branches)
        {
            branches = Expression.IfThenElse(
                Expression.Call(ObjectEquals, Expression.Constant(constant, typeof(object)), key),
                Node(branch, session, fact),
                branches);
        }

        return Expression.Block(
            [key],
            Expression.Assign(key, computed),
            Expression.Assign(key, Expression.Coalesce(key, Expression.Constant(JoinKey.Null))),
            branches);
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
