using System;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>The expression compiler the loader uses unless a test substitutes its own.</summary>
internal static class DefaultExpressionCompiler
{
    public static IExpressionCompiler Create() => new Unavailable();

    /// <summary>Stands in until the expression language is merged: every expression is reported, none runs.</summary>
    private sealed class Unavailable : IExpressionCompiler
    {
        public TypedExpression? Compile(string text, SourceLocation origin, ExpressionScope scope, Type? expectedType, DiagnosticBag diagnostics)
        {
            diagnostics.Error(DiagnosticCodes.ExpressionNotAvailable, origin, "The expression language is not available in this build.", scope.RuleId);
            return null;
        }
    }
}
