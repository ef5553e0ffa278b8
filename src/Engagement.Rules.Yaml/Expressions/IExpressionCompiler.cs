using System;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Expressions;

/// <summary>
/// Parses, type-checks and compiles one expression of the rule language (the text of a YAML scalar).
/// Never throws for bad input: every problem becomes a diagnostic located inside the scalar.
/// </summary>
internal interface IExpressionCompiler
{
    /// <summary>Compiles <paramref name="text"/>.</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="positions">Where each character of the text is in its file.</param>
    /// <param name="scope">The declarations the expression may use.</param>
    /// <param name="expectedType">The type the result must have (e.g. bool for a condition), or null for any.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>The expression, or null when it has errors (which are then in <paramref name="diagnostics"/>).</returns>
    TypedExpression? Compile(string text, ScalarPositions positions, ExpressionScope scope, Type? expectedType, DiagnosticBag diagnostics);

    /// <summary>
    /// Checks only that <paramref name="text"/> is well formed (length, characters, quotes, nesting, grammar), without
    /// names or types: for text whose names are known only where it is used (a short-form named condition).
    /// </summary>
    /// <param name="text">The expression text.</param>
    /// <param name="positions">Where each character of the text is in its file.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>Whether the text parses; when not, the errors are in <paramref name="diagnostics"/>.</returns>
    bool CheckSyntax(string text, ScalarPositions positions, DiagnosticBag diagnostics) => true;
}
