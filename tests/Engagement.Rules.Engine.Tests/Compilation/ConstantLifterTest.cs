using System;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Compilation;

namespace Engagement.Rules.Engine.Tests.Compilation;

public sealed class ConstantLifterTest
{
    private enum Tier
    {
        Silver,
        Gold,
    }

    private static object? Evaluate(Expression expression)
    {
        var values = Expression.Parameter(typeof(object[]), "values");
        var (shape, lifted) = ConstantLifter.Lift(expression, values);
        var lambda = Expression.Lambda<Func<object[], object?>>(Expression.Convert(shape, typeof(object)), values);
        return lambda.Compile()(lifted);
    }

    [Test]
    public void Lift_ConstantsOfEveryKind_EvaluateAsTheOriginal()
    {
        var expressions = new Expression[]
        {
            Expression.Add(Expression.Constant(40), Expression.Constant(2)),
            Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!, Expression.Constant("a"), Expression.Constant("b")),
            Expression.Equal(Expression.Constant(Tier.Gold), Expression.Constant(Tier.Gold)),
            Expression.Constant(12.5m),
            Expression.Coalesce(Expression.Constant(null, typeof(int?)), Expression.Constant(7)),
            Expression.Constant((int?)5, typeof(int?)),
            Expression.Constant("text", typeof(object)),
        };

        foreach (var expression in expressions)
        {
            var expected = Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile()();
            Evaluate(expression).Should().Be(expected, because: expression.ToString());
        }
    }

    [Test]
    public void Lift_NullConstantAndQuote_StayInTheShape()
    {
        var values = Expression.Parameter(typeof(object[]), "values");
        Expression<Func<int>> quoted = () => 3;
        var expression = Expression.Condition(
            Expression.Equal(Expression.Constant(null, typeof(string)), Expression.Constant("x")),
            Expression.Quote(quoted),
            Expression.Quote(quoted));

        var (shape, lifted) = ConstantLifter.Lift(expression, values);

        lifted.Should().Equal("x");
        var condition = (ConditionalExpression)shape;
        ((BinaryExpression)condition.Test).Left.Should().BeAssignableTo<ConstantExpression>().Which.Value.Should().BeNull();
        condition.IfTrue.Should().BeSameAs(expression.IfTrue);
    }
}
