using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions.Binding;
using Engagement.Rules.Yaml.Expressions.Parsing;
using Engagement.Rules.Yaml.Syntax;
using Superpower;
using Superpower.Model;

namespace Engagement.Rules.Yaml.Expressions;

/// <summary>
/// The expression language's compiler: lexes, parses (Superpower), type-checks and builds the expression
/// tree. Hostile input only ever produces diagnostics: the text length, the nesting depth and the tree
/// height are limited before any recursive step, and a defect of the compiler itself becomes ER2099.
/// </summary>
internal sealed class ExpressionCompiler : IExpressionCompiler
{
    /// <summary>
    /// The longest expression, in characters, of a compiler created without limits (tests). The loader creates its compiler
    /// with <see cref="RuleLoaderOptions.MaxExpressionLength"/> instead, the one limit a host sets.
    /// </summary>
    public const int DefaultMaxLength = 4096;

    /// <summary>The default deepest nesting of parentheses, brackets and prefix operators.</summary>
    public const int DefaultMaxNesting = 64;

    /// <summary>The tallest syntax tree accepted (long chains of operators).</summary>
    public const int MaxTreeHeight = 256;

    public ExpressionCompiler()
        : this(DefaultMaxLength, DefaultMaxNesting)
    {
    }

    public ExpressionCompiler(int maxLength, int maxNesting)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNesting);
        MaxLength = maxLength;
        MaxNesting = maxNesting;
    }

    public int MaxLength { get; }

    public int MaxNesting { get; }

    /// <inheritdoc />
    public TypedExpression? Compile(string text, ScalarPositions positions, ExpressionScope scope, Type? expectedType, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(diagnostics);
        text ??= string.Empty;
        var binder = new Binder(text, positions, scope, diagnostics);
        var errorsBefore = CountErrors(diagnostics);
        return Guarded(binder, "compiled", () =>
        {
            var body = CompileBody(text, binder, expectedType, out var mayBeMissing);
            return body is null || CountErrors(diagnostics) > errorsBefore
                ? null
                : new TypedExpression(body, binder.Declarations.ToArray(), binder.Parameters) { MayBeMissing = mayBeMissing };
        });
    }

    /// <inheritdoc />
    public bool CheckSyntax(string text, ScalarPositions positions, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        text ??= string.Empty;
        var noNames = new ExpressionScope(new Dictionary<string, Engine.Model.Declaration>(), new Engine.Model.Declaration("context", typeof(Evaluation.EvaluationContext)), null);
        var binder = new Binder(text, positions, noNames, diagnostics);
        return Guarded(binder, "parsed", () => ParseSyntax(text, binder)) is not null;
    }

    /// <summary>Runs a step; a defect in it rejects the one expression (ER2099) and never crashes the host loading rules.</summary>
    private static T? Guarded<T>(Binder binder, string what, Func<T?> step)
        where T : class
    {
        try
        {
            return step();
        }
#pragma warning disable CA1031 // See the summary: any exception here is a compiler defect to report, not to propagate.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            binder.Error(
                ExpressionDiagnosticCodes.InternalError,
                0,
                $"The expression could not be {what} because of an internal error ({exception.GetType().Name}: {exception.Message}); please report it.");
            return null;
        }
    }

    private Expression? CompileBody(string text, Binder binder, Type? expectedType, out bool mayBeMissing)
    {
        mayBeMissing = false;
        if (ParseSyntax(text, binder) is not { } syntax)
        {
            return null;
        }

        if (binder.Bind(syntax, FlowFacts.Empty) is not { } bound)
        {
            return null;
        }

        mayBeMissing = bound.MayBeMissing && expectedType is null;
        return Convert(bound, syntax, expectedType, binder);
    }

    /// <summary>The syntax tree, or null with the problem reported: everything up to binding names and types.</summary>
    private ExpressionSyntax? ParseSyntax(string text, Binder binder)
    {
        if (text.Length > MaxLength)
        {
            binder.Error(
                ExpressionDiagnosticCodes.ExpressionTooLong,
                0,
                $"The expression is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {MaxLength.ToString(CultureInfo.InvariantCulture)}. Split it into named conditions or lets.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            binder.Error(ExpressionDiagnosticCodes.SyntaxError, 0, "The expression is empty; write a value or a condition.");
            return null;
        }

        if (!ExpressionLexer.TryTokenize(text, out var tokens, out var lexError))
        {
            binder.Error(ExpressionDiagnosticCodes.InvalidCharacter, lexError.Offset, lexError.Message);
            return null;
        }

        if (!CheckTokens(tokens, binder))
        {
            return null;
        }

        var parsed = ExpressionGrammar.Root.TryParse(tokens);
        if (!parsed.HasValue)
        {
            var offset = parsed.ErrorPosition.HasValue ? parsed.ErrorPosition.Absolute : text.Length;
            if (MethodCallAt(tokens, offset) is { } method)
            {
                binder.Error(
                    ExpressionDiagnosticCodes.UnknownFunction,
                    method.Span.Position.Absolute,
                    $"'.{method.ToStringValue()}(...)' calls a method, which rule expressions cannot do; call a catalogue function with the value as argument instead, e.g. lower(x) or startsWith(x, 'A').");
                return null;
            }

            if (UnitAt(tokens, offset) is { } unitMessage)
            {
                binder.Error(ExpressionDiagnosticCodes.SyntaxError, offset, unitMessage);
                return null;
            }

            if (ChainedComparisonAt(tokens, offset) is { } chained)
            {
                binder.Error(ExpressionDiagnosticCodes.SyntaxError, offset, chained);
                return null;
            }

            var fragment = parsed.FormatErrorMessageFragment();
            binder.Error(ExpressionDiagnosticCodes.SyntaxError, offset, $"Syntax error: {fragment}.");
            return null;
        }

        var syntax = parsed.Value;
        if (syntax.Depth > MaxTreeHeight)
        {
            binder.Error(
                ExpressionDiagnosticCodes.ExpressionTooComplex,
                syntax.Start,
                $"The expression chains more than {MaxTreeHeight.ToString(CultureInfo.InvariantCulture)} operations; split it into named conditions or lets.");
            return null;
        }

        return syntax;
    }

    /// <summary>
    /// Rejects unterminated text and over-deep nesting before parsing, so that the recursive descent never
    /// goes deeper than <see cref="MaxNesting"/> levels.
    /// </summary>
    private bool CheckTokens(TokenList<ExpressionToken> tokens, Binder binder)
    {
        var openAt = new Stack<int>();
        var depth = 0;
        foreach (var token in tokens)
        {
            var offset = token.Span.Position.Absolute;
            switch (token.Kind)
            {
                case ExpressionToken.UnterminatedString:
                    binder.Error(ExpressionDiagnosticCodes.UnterminatedText, offset, "This text has no closing quote; end it with the same quote it starts with.");
                    return false;
                case ExpressionToken.LeftParen:
                case ExpressionToken.LeftBracket:
                    openAt.Push(depth);
                    depth++;
                    break;
                case ExpressionToken.RightParen:
                case ExpressionToken.RightBracket:
                    depth = openAt.Count > 0 ? openAt.Pop() : depth;
                    break;
                case ExpressionToken.Not:
                case ExpressionToken.Minus:
                    // Counted as nesting (a prefix operator recurses); an infix minus is counted too, which
                    // only makes the limit slightly stricter on very long sums.
                    depth++;
                    break;
                default:
                    // An operand or infix operator ends a run of prefix operators.
                    if (token.Kind is not ExpressionToken.Not and not ExpressionToken.Minus)
                    {
                        depth = openAt.Count > 0 ? openAt.Peek() + 1 : 0;
                    }

                    break;
            }

            if (depth > MaxNesting)
            {
                binder.Error(
                    ExpressionDiagnosticCodes.NestingTooDeep,
                    offset,
                    $"The expression nests deeper than {MaxNesting.ToString(CultureInfo.InvariantCulture)} levels of parentheses, brackets or prefix operators; simplify it.");
                return false;
            }
        }

        return true;
    }

    private static Expression? Convert(BoundExpression bound, ExpressionSyntax syntax, Type? expectedType, Binder binder)
    {
        if (expectedType is null)
        {
            // A value of unconstrained type (a let) may stay nullable: has() and ?? apply to it later.
            return bound.Expression;
        }

        var expression = bound.Expression;
        var expectedValue = Nullable.GetUnderlyingType(expectedType);
        if (expectedValue is not null && bound.MayBeMissing && expression.Type == expectedType)
        {
            return expression;
        }

        if (binder.Present(bound, syntax) is not { } present)
        {
            return null;
        }

        if (present.Type == expectedType)
        {
            return present;
        }

        var target = expectedValue ?? expectedType;
        if (present.Type == target)
        {
            return Expression.Convert(present, expectedType);
        }

        if (LanguageTypes.Widens(present.Type, target))
        {
            return Expression.Convert(Expression.Convert(present, target), expectedType);
        }

        if (expectedType == typeof(object) || (expectedType.IsAssignableFrom(present.Type) && !expectedType.IsValueType))
        {
            return Expression.Convert(present, expectedType);
        }

        var what = expectedType == typeof(bool)
            ? $"A condition must be true or false, but this is {LanguageTypes.WithArticle(present.Type)}; compare it, e.g. with == or >."
            : $"Expected {LanguageTypes.WithArticle(expectedType)} here, but this is {LanguageTypes.WithArticle(present.Type)}.";
        binder.Error(ExpressionDiagnosticCodes.WrongResultType, syntax.Start, what);
        return null;
    }

    /// <summary>A message for a number followed by a name that is not a unit (<c>5 dayz</c>, <c>1.5 days</c>).</summary>
    private static string? UnitAt(TokenList<ExpressionToken> tokens, int offset)
    {
        var list = tokens.ToArray();
        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].Span.Position.Absolute == offset
                && list[i].Kind == ExpressionToken.Identifier
                && list[i - 1].Kind is ExpressionToken.Integer or ExpressionToken.Decimal)
            {
                return list[i - 1].Kind == ExpressionToken.Decimal
                    ? $"A quantity is a whole number followed by a unit; write e.g. 36 hours instead of 1.5 days."
                    : $"'{list[i].ToStringValue()}' is not a unit; use years, months, weeks, days, hours, minutes or seconds (e.g. 30 days).";
            }
        }

        return null;
    }

    /// <summary>
    /// The advice for <c>a &lt; b &lt; c</c> when the parse stopped at a comparison that follows another one in
    /// the same parentheses with no and/or between them: comparisons do not chain.
    /// </summary>
    private static string? ChainedComparisonAt(TokenList<ExpressionToken> tokens, int offset)
    {
        var list = tokens.ToArray();
        var at = Array.FindIndex(list, t => t.Span.Position.Absolute == offset);
        if (at < 0 || !IsComparison(list[at].Kind))
        {
            return null;
        }

        var depth = 0;
        for (var i = at - 1; i >= 0; i--)
        {
            var kind = list[i].Kind;
            depth += kind is ExpressionToken.RightParen or ExpressionToken.RightBracket ? 1 : kind is ExpressionToken.LeftParen or ExpressionToken.LeftBracket ? -1 : 0;
            if (depth < 0 || (depth == 0 && kind is ExpressionToken.And or ExpressionToken.Or or ExpressionToken.Comma))
            {
                return null;
            }

            if (depth == 0 && IsComparison(kind))
            {
                if (i == at - 1)
                {
                    // Two operators in a row ('a > > 3') are a plain syntax error, not a chain.
                    return null;
                }

                var first = list[i].ToStringValue();
                var second = list[at].ToStringValue();
                return $"Comparisons do not chain: write each one and join them with 'and', e.g. a {first} b and b {second} c (or use 'between' for a range).";
            }
        }

        return null;
    }

    private static bool IsComparison(ExpressionToken kind) =>
        kind is ExpressionToken.Equal or ExpressionToken.NotEqual or ExpressionToken.Less or ExpressionToken.LessOrEqual
            or ExpressionToken.Greater or ExpressionToken.GreaterOrEqual;

    /// <summary>The method name of <c>x.name(</c> when the parse stopped at that parenthesis.</summary>
    private static Token<ExpressionToken>? MethodCallAt(TokenList<ExpressionToken> tokens, int offset)
    {
        var list = tokens.ToArray();
        for (var i = 2; i < list.Length; i++)
        {
            if (list[i].Span.Position.Absolute == offset
                && list[i].Kind == ExpressionToken.LeftParen
                && list[i - 1].Kind == ExpressionToken.Identifier
                && list[i - 2].Kind == ExpressionToken.Dot)
            {
                return list[i - 1];
            }
        }

        return null;
    }

    private static int CountErrors(DiagnosticBag diagnostics) =>
        diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
}
