using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Reference;

/// <summary>Terse construction of rule-model elements for hand-written tests and benchmarks of the model.</summary>
internal static class Build
{
    public static Declaration Fact<T>(string name) => new(name, typeof(T));

    public static PatternElement Pattern<T>(Declaration declaration, params Expression<Func<T, bool>>[] tests)
    {
        var conditions = new List<ConditionElement>();
        foreach (var test in tests)
        {
            conditions.Add(new ConditionElement(test, [declaration]));
        }

        return new PatternElement(declaration, conditions);
    }

    public static PatternElement Pattern(Declaration declaration, params ConditionElement[] conditions) =>
        new(declaration, conditions);

    public static ConditionElement Condition(LambdaExpression expression, params Declaration[] parameters) =>
        new(expression, parameters);

    public static AndElement And(params RuleElement[] elements) => new(elements);

    public static ActionElement NoAction()
    {
        var context = Expression.Parameter(typeof(IActionContext), "ctx");
        return new ActionElement(Expression.Lambda(Expression.Empty(), context), []);
    }

    /// <summary>An action that calls <paramref name="onFire"/> with the context.</summary>
    public static ActionElement Action(Action<IActionContext> onFire)
    {
        var context = Expression.Parameter(typeof(IActionContext), "ctx");
        var call = Expression.Invoke(Expression.Constant(onFire), context);
        return new ActionElement(Expression.Lambda(call, context), []);
    }

    public static RuleDefinition Rule(string id, params RuleElement[] elements) =>
        new(id, new AndElement(elements), [NoAction()]);
}
