using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// One conjunct of a pattern condition: a lambda over only the declarations it uses. Conditions of the form
/// <c>a &amp;&amp; b</c> are split so that single-fact parts become alpha tests and equality parts can be indexed.
/// </summary>
internal sealed class Conjunct
{
    public Conjunct(LambdaExpression lambda, IReadOnlyList<Declaration> parameters, bool firstInCondition, string? source)
    {
        Lambda = lambda;
        Parameters = parameters;
        FirstInCondition = firstInCondition;
        Source = source;
    }

    public LambdaExpression Lambda { get; }

    public IReadOnlyList<Declaration> Parameters { get; }

    /// <summary>True when no earlier part of the same condition guards this one (safe to evaluate on its own).</summary>
    public bool FirstInCondition { get; }

    /// <summary>The whole condition this part comes from as its author wrote it (<see cref="ExpressionElement.Text"/>), for error messages.</summary>
    public string? Source { get; }

    public bool IsAlpha(Declaration own) => Parameters.Count == 1 && ReferenceEquals(Parameters[0], own);

    /// <summary>Splits conditions into conjuncts; single-fact conjuncts after a join conjunct stay joins (they may be guarded by it).</summary>
    public static void Split(
        IReadOnlyList<ConditionElement> conditions,
        Declaration own,
        List<Conjunct> alpha,
        List<Conjunct> joins)
    {
        foreach (var condition in conditions)
        {
            var parts = new List<Expression>();
            Flatten(condition.Expression.Body, parts);
            var sawJoin = false;
            foreach (var part in parts)
            {
                var conjunct = Make(part, condition, own, !sawJoin);
                if (!sawJoin && conjunct.IsAlpha(own))
                {
                    alpha.Add(conjunct);
                }
                else
                {
                    sawJoin = true;
                    joins.Add(conjunct);
                }
            }
        }
    }

    private static void Flatten(Expression body, List<Expression> parts)
    {
        if (body is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and)
        {
            Flatten(and.Left, parts);
            Flatten(and.Right, parts);
        }
        else
        {
            parts.Add(body);
        }
    }

    private static Conjunct Make(Expression body, ConditionElement condition, Declaration own, bool first)
    {
        var used = ParameterUsage.Find(body, condition.Expression.Parameters);
        var parameters = new List<ParameterExpression>();
        var declarations = new List<Declaration>();
        for (var i = 0; i < condition.Expression.Parameters.Count; i++)
        {
            var parameter = condition.Expression.Parameters[i];
            if (used.Contains(parameter) || (used.Count == 0 && ReferenceEquals(condition.Parameters[i], own)))
            {
                parameters.Add(parameter);
                declarations.Add(condition.Parameters[i]);
            }
        }

        if (parameters.Count == 0)
        {
            // A condition that uses no declaration at all (e.g. a flag captured in a closure): attach it to
            // the pattern's own declaration. Model validation guarantees the condition lists it.
            var index = IndexOf(condition.Parameters, own);
            parameters.Add(condition.Expression.Parameters[index]);
            declarations.Add(own);
        }

        return new Conjunct(Expression.Lambda(body, parameters), declarations, first, condition.Text);
    }

    private static int IndexOf(IReadOnlyList<Declaration> declarations, Declaration declaration)
    {
        for (var i = 0; i < declarations.Count; i++)
        {
            if (ReferenceEquals(declarations[i], declaration))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Declaration '{declaration.Name}' is not a parameter.");
    }
}

/// <summary>Finds which of a lambda's parameters an expression uses.</summary>
internal sealed class ParameterUsage : ExpressionVisitor
{
    private readonly IReadOnlyCollection<ParameterExpression> _candidates;
    private readonly HashSet<ParameterExpression> _used = new();

    private ParameterUsage(IReadOnlyCollection<ParameterExpression> candidates)
    {
        _candidates = candidates;
    }

    public static HashSet<ParameterExpression> Find(Expression expression, IReadOnlyCollection<ParameterExpression> candidates)
    {
        var visitor = new ParameterUsage(candidates);
        visitor.Visit(expression);
        return visitor._used;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        foreach (var candidate in _candidates)
        {
            if (candidate == node)
            {
                _used.Add(node);
            }
        }

        return node;
    }
}
