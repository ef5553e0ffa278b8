using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Turns the constants of a tree into reads from an array parameter, so that trees differing only in their
/// constants (a threshold, a rule's touch template) have one shape, compiled once and bound to each tree's
/// values. Null constants stay (their type is part of the shape); quoted trees are left whole, since a quote
/// must not capture the array. Reading a lifted constant costs a few loads where an inlined literal costs none, so
/// for delegates that run per fact the caller keeps literals (numbers, strings, enums) in the tree and lifts only
/// the constants compiled code reads from its closure anyway.
/// </summary>
internal sealed class ConstantLifter : ExpressionVisitor
{
    private readonly ParameterExpression _values;
    private readonly bool _literals;
    private readonly List<object> _lifted = new();

    private ConstantLifter(ParameterExpression values, bool literals)
    {
        _values = values;
        _literals = literals;
    }

    /// <summary>Rewrites <paramref name="expression"/> over <paramref name="values"/>; returns the constants in slot order.</summary>
    /// <param name="expression">The tree.</param>
    /// <param name="values">The array parameter the lifted constants are read from.</param>
    /// <param name="literals">Lift literals too (numbers, strings, enums: constants IL can inline).</param>
    public static (Expression Shape, object[] Values) Lift(Expression expression, ParameterExpression values, bool literals = true)
    {
        var lifter = new ConstantLifter(values, literals);
        var shape = lifter.Visit(expression);
        return (shape, lifter._lifted.ToArray());
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is null || (!_literals && IsLiteral(node.Value)))
        {
            return node;
        }

        var slot = _lifted.Count;
        _lifted.Add(node.Value);
        return Expression.Convert(Expression.ArrayIndex(_values, Expression.Constant(slot)), node.Type);
    }

    /// <summary>Values compiled code embeds in its IL (primitives, enums, strings, decimals) rather than reading them from its closure.</summary>
    private static bool IsLiteral(object value) => Type.GetTypeCode(value.GetType()) != TypeCode.Object;

    protected override Expression VisitUnary(UnaryExpression node) =>
        node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);
}
