using System.Collections.Generic;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace Engagement.Rules.Yaml.Expressions.Parsing;

/// <summary>
/// The grammar of the expression language, written with Superpower's token-list combinators. Precedence,
/// lowest first: <c>or</c>; <c>and</c>; <c>not</c>; comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>,
/// <c>between .. and ..</c>, <c>in</c>, <c>not in</c>; not chainable); <c>+ -</c>; <c>* / %</c>; <c>??</c>;
/// unary <c>-</c>; member access and calls.
/// </summary>
internal static class ExpressionGrammar
{
    private static readonly HashSet<string> Units = new(System.StringComparer.Ordinal)
    {
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds",
    };

    private static readonly Dictionary<ExpressionToken, LiteralKind> LiteralKindOf = new()
    {
        [ExpressionToken.String] = LiteralKind.String,
        [ExpressionToken.Decimal] = LiteralKind.Decimal,
        [ExpressionToken.True] = LiteralKind.True,
        [ExpressionToken.False] = LiteralKind.False,
        [ExpressionToken.Null] = LiteralKind.Null,
        [ExpressionToken.Date] = LiteralKind.Date,
        [ExpressionToken.Time] = LiteralKind.Time,
    };

    // Parsers used after the first 'from' of a query are built inside the query's lambdas, i.e. on every parse;
    // building a token parser reflects over the token enum's attributes. They are built once here instead.
    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> IdentifierToken = Token.EqualTo(ExpressionToken.Identifier);
    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> CommaToken = Token.EqualTo(ExpressionToken.Comma);
    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> RightParenToken = Token.EqualTo(ExpressionToken.RightParen);
    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> RightBracketToken = Token.EqualTo(ExpressionToken.RightBracket);
    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> AndToken = Token.EqualTo(ExpressionToken.And);
    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> InToken = Token.EqualTo(ExpressionToken.In);
    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> FieldName = IdentifierToken.Named("field name");

    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>?> OptionalUnit =
        IdentifierToken
            .Where(t => Units.Contains(t.ToStringValue()), "unit")
            .Select(t => (Token<ExpressionToken>?)t)
            .OptionalOrDefault();

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Expression =
        Parse.Ref(() => Disjunction!);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> UnaryRef = Parse.Ref(() => Unary!);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> NegationRef = Parse.Ref(() => Negation!);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax[]> ListItems = Expression.ManyDelimitedBy(CommaToken);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Literal =
        Token.Matching<ExpressionToken>(LiteralKindOf.ContainsKey, "literal")
            .Select(t => (ExpressionSyntax)Lit(LiteralKindOf[t.Kind], t));

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> IntegerOrQuantity =
        from number in Token.EqualTo(ExpressionToken.Integer)
        from unit in OptionalUnit
        select unit is { } u
            ? (ExpressionSyntax)new QuantitySyntax(number.ToStringValue(), u.ToStringValue(), u.Span.Position.Absolute, Offset(number), End(u))
            : Lit(LiteralKind.Integer, number);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax[]> Arguments =
        ListItems.Between(Token.EqualTo(ExpressionToken.LeftParen), RightParenToken);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax[]?> OptionalArguments =
        Arguments.Select(a => (ExpressionSyntax[]?)a).OptionalOrDefault();

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> NameOrCall =
        from name in IdentifierToken
        from call in OptionalArguments
        select call is null
            ? new NameSyntax(name.ToStringValue(), Offset(name), End(name))
            : (ExpressionSyntax)new CallSyntax(name.ToStringValue(), call, Offset(name), End(name));

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Parenthesized =
        from open in Token.EqualTo(ExpressionToken.LeftParen)
        from inner in Expression
        from close in RightParenToken
        select inner;

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> List =
        from open in Token.EqualTo(ExpressionToken.LeftBracket)
        from items in ListItems
        from close in RightBracketToken
        select (ExpressionSyntax)new ListSyntax(items, Offset(open), End(close));

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Primary =
        Literal.Or(IntegerOrQuantity).Or(NameOrCall).Or(Parenthesized).Or(List).Named("value");

    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>[]> MemberNames =
        (from dot in Token.EqualTo(ExpressionToken.Dot)
         from name in FieldName
         select name)
        .Many();

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Postfix =
        from head in Primary
        from members in MemberNames
        select Members(head, members);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Unary =
        (from minus in Token.EqualTo(ExpressionToken.Minus)
         from operand in UnaryRef
         select (ExpressionSyntax)new UnarySyntax(UnaryOperator.Negate, operand, Offset(minus)))
        .Or(Postfix);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Coalescing =
        Parse.Chain(Token.EqualTo(ExpressionToken.Coalesce), Unary, (op, l, r) => (ExpressionSyntax)Bin(BinaryOperator.Coalesce, op, l, r));

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Multiplicative =
        Parse.Chain(
            Token.EqualTo(ExpressionToken.Star).Or(Token.EqualTo(ExpressionToken.Slash)).Or(Token.EqualTo(ExpressionToken.Percent)),
            Coalescing,
            (op, l, r) => (ExpressionSyntax)Bin(
                op.Kind switch
                {
                    ExpressionToken.Star => BinaryOperator.Multiply,
                    ExpressionToken.Slash => BinaryOperator.Divide,
                    _ => BinaryOperator.Remainder,
                },
                op,
                l,
                r));

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Additive =
        Parse.Chain(
            Token.EqualTo(ExpressionToken.Plus).Or(Token.EqualTo(ExpressionToken.Minus)),
            Multiplicative,
            (op, l, r) => (ExpressionSyntax)Bin(op.Kind == ExpressionToken.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, op, l, r));

    private static readonly TokenListParser<ExpressionToken, Token<ExpressionToken>> ComparisonOperator =
        Token.EqualTo(ExpressionToken.Equal)
            .Or(Token.EqualTo(ExpressionToken.NotEqual))
            .Or(Token.EqualTo(ExpressionToken.LessOrEqual))
            .Or(Token.EqualTo(ExpressionToken.Less))
            .Or(Token.EqualTo(ExpressionToken.GreaterOrEqual))
            .Or(Token.EqualTo(ExpressionToken.Greater));

    private static readonly TokenListParser<ExpressionToken, System.Func<ExpressionSyntax, ExpressionSyntax>> ComparisonTail =
        (from op in ComparisonOperator
         from right in Additive
         select (System.Func<ExpressionSyntax, ExpressionSyntax>)(left => (ExpressionSyntax)Bin(ComparisonOf(op.Kind), op, left, right)))
        .Or(
            from between in Token.EqualTo(ExpressionToken.Between)
            from low in Additive
            from and in AndToken
            from high in Additive
            select (System.Func<ExpressionSyntax, ExpressionSyntax>)(left => new BetweenSyntax(left, low, high, Offset(between))))
        .Or(
            from not in Token.EqualTo(ExpressionToken.Not).Select(t => (Token<ExpressionToken>?)t).OptionalOrDefault()
            from @in in InToken
            from collection in Additive
            select (System.Func<ExpressionSyntax, ExpressionSyntax>)(left =>
                new InSyntax(left, collection, not is not null, not is { } n ? Offset(n) : Offset(@in))));

    private static readonly TokenListParser<ExpressionToken, System.Func<ExpressionSyntax, ExpressionSyntax>?> OptionalComparisonTail =
        ComparisonTail.Select(t => (System.Func<ExpressionSyntax, ExpressionSyntax>?)t).OptionalOrDefault();

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Comparison =
        from left in Additive
        from tail in OptionalComparisonTail
        select tail is null ? left : tail(left);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Negation =
        (from not in Token.EqualTo(ExpressionToken.Not)
         from operand in NegationRef
         select (ExpressionSyntax)new UnarySyntax(UnaryOperator.Not, operand, Offset(not)))
        .Or(Comparison);

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Conjunction =
        Parse.Chain(Token.EqualTo(ExpressionToken.And), Negation, (op, l, r) => (ExpressionSyntax)Bin(BinaryOperator.And, op, l, r));

    private static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Disjunction =
        Parse.Chain(Token.EqualTo(ExpressionToken.Or), Conjunction, (op, l, r) => (ExpressionSyntax)Bin(BinaryOperator.Or, op, l, r));

    /// <summary>A whole expression: everything must be consumed.</summary>
    public static readonly TokenListParser<ExpressionToken, ExpressionSyntax> Root = Expression.AtEnd();

    private static int Offset(Token<ExpressionToken> token) => token.Span.Position.Absolute;

    private static int End(Token<ExpressionToken> token) => token.Span.Position.Absolute + token.Span.Length;

    private static LiteralSyntax Lit(LiteralKind kind, Token<ExpressionToken> token) =>
        new LiteralSyntax(kind, token.ToStringValue(), Offset(token), End(token));

    private static BinarySyntax Bin(BinaryOperator op, Token<ExpressionToken> token, ExpressionSyntax left, ExpressionSyntax right) =>
        new BinarySyntax(op, left, right, Offset(token));

    private static BinaryOperator ComparisonOf(ExpressionToken kind) => kind switch
    {
        ExpressionToken.Equal => BinaryOperator.Equal,
        ExpressionToken.NotEqual => BinaryOperator.NotEqual,
        ExpressionToken.Less => BinaryOperator.Less,
        ExpressionToken.LessOrEqual => BinaryOperator.LessOrEqual,
        ExpressionToken.Greater => BinaryOperator.Greater,
        _ => BinaryOperator.GreaterOrEqual,
    };

    private static ExpressionSyntax Members(ExpressionSyntax head, Token<ExpressionToken>[] names)
    {
        var result = head;
        foreach (var name in names)
        {
            result = new MemberSyntax(result, name.ToStringValue(), Offset(name), End(name));
        }

        return result;
    }
}
