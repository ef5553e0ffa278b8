using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Benchmarks.Engine;

/// <summary>Terse construction of rules in the canonical model, as a rule language front end would produce them.</summary>
internal static class RuleKit
{
    public static Declaration Decl<T>(string name) => new(name, typeof(T));

    public static PatternElement Pattern<T>(Declaration declaration, params Expression<Func<T, bool>>[] tests)
    {
        var conditions = new List<ConditionElement>();
        foreach (var test in tests)
        {
            conditions.Add(new ConditionElement(test, [declaration]));
        }

        return new PatternElement(declaration, conditions);
    }

    public static PatternElement Pattern(Declaration declaration, params ConditionElement[] conditions) => new(declaration, conditions);

    public static ConditionElement Test<T>(Declaration declaration, Expression<Func<T, bool>> test) => new(test, [declaration]);

    public static ConditionElement Join<T1, T2>(Declaration first, Declaration second, Expression<Func<T1, T2, bool>> test) =>
        new(test, [first, second]);

    public static ActionElement Action<T1>(Declaration first, Expression<Action<IActionContext, T1>> action) => new(action, [first]);

    public static ActionElement Action<T1, T2>(Declaration first, Declaration second, Expression<Action<IActionContext, T1, T2>> action) =>
        new(action, [first, second]);

    public static ActionElement NoOp()
    {
        var context = Expression.Parameter(typeof(IActionContext), "ctx");
        return new ActionElement(Expression.Lambda(Expression.Empty(), context), []);
    }

    public static RuleDefinition Rule(string id, int priority, ActionElement action, params RuleElement[] leftHandSide) =>
        new(id, new AndElement(leftHandSide), [action], priority);
}
