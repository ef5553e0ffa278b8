using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Tests.Support;

/// <summary>
/// Rules the loader accepts and the engine rejects. The loader checks every limit of the engine it can reach from
/// YAML, so none is left in the language; the seam is the expression compiler: <see cref="Compiler"/> compiles the
/// condition text <c>ghost()</c> into a condition on a declaration no pattern binds, which the engine refuses
/// ("refers to 'ghost', which is not bound before it") while the loader, trusting its compiler, does not.
/// </summary>
internal static class EngineRejectedRules
{
    /// <summary>A file of two rules; the first (line 3, column 5) has the ghost condition.</summary>
    public const string File = """
        apiVersion: engagement-rules/v1
        rules:
          - id: haunted
            when: [ { customer: Customer, where: "ghost()" } ]
            then: [ { signal: { name: s } } ]
          - id: fine
            when: [ { customer: Customer } ]
            then: [ { signal: { name: t } } ]
        """;

    public const int Line = 3;

    public const int Column = 5;

    public static RuleLoaderOptions Options { get; } = new() { ExpressionCompiler = new Compiler() };

    /// <summary>A condition of <paramref name="own"/>'s pattern that also uses a declaration no pattern binds.</summary>
    public static ConditionElement GhostCondition(Declaration own)
    {
        var ghost = Expression.Parameter(typeof(bool), "ghost");
        var self = Expression.Parameter(own.Type, own.Name);
        return new ConditionElement(Expression.Lambda(ghost, ghost, self), [new Declaration("ghost", typeof(bool)), own]);
    }

    private sealed class Compiler : IExpressionCompiler
    {
        private readonly IExpressionCompiler _real = DefaultExpressionCompiler.For(RuleLoaderOptions.Default);

        public TypedExpression? Compile(string text, ScalarPositions positions, ExpressionScope scope, Type? expectedType, DiagnosticBag diagnostics)
        {
            if (text != "ghost()")
            {
                return _real.Compile(text, positions, scope, expectedType, diagnostics);
            }

            var parameter = Expression.Parameter(typeof(bool), "ghost");
            return new TypedExpression(parameter, new List<Declaration> { new("ghost", typeof(bool)) }, [parameter]);
        }
    }
}
