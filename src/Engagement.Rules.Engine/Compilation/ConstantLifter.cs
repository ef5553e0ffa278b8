using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Turns the constants of a tree into reads from an array parameter, so that trees differing only in their
/// constants (a threshold, a rule's touch template) have one shape, compiled once and bound to each tree's
/// values. Null constants stay (their type is part of the shape); quoted trees are left whole, since a quote
/// must not capture the array.
/// </summary>
internal sealed class ConstantLifter : ExpressionVisitor
{
    private readonly ParameterExpression _values;
    private readonly List<object> _lifted = new();

    private ConstantLifter(ParameterExpression values) => _values = values;

    /// <summary>Rewrites <paramref name="expression"/> over <paramref name="values"/>; returns the constants in slot order.</summary>
    public static (Expression Shape, object[] Values) Lift(Expression expression, ParameterExpression values)
    {
        var lifter = new ConstantLifter(values);
        var shape = lifter.Visit(expression);
        return (shape, lifter._lifted.ToArray());
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is null)
        {
            return node;
        }

        var slot = _lifted.Count;
        _lifted.Add(node.Value);
        return Expression.Convert(Expression.ArrayIndex(_values, Expression.Constant(slot)), node.Type);
    }

    protected override Expression VisitUnary(UnaryExpression node) =>
        node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);
}
