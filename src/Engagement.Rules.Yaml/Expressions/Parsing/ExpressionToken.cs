using Superpower.Display;

namespace Engagement.Rules.Yaml.Expressions.Parsing;

/// <summary>The kinds of token of the expression language.</summary>
internal enum ExpressionToken
{
    /// <summary>Never produced; the default value.</summary>
    None,

    [Token(Category = "name")]
    Identifier,

    [Token(Category = "number")]
    Integer,

    [Token(Category = "number")]
    Decimal,

    [Token(Category = "text")]
    String,

    /// <summary>A quote with no closing quote; reported with its own message.</summary>
    [Token(Category = "unterminated text")]
    UnterminatedString,

    [Token(Category = "date")]
    Date,

    [Token(Category = "time of day")]
    Time,

    [Token(Category = "keyword", Example = "and")]
    And,

    [Token(Category = "keyword", Example = "or")]
    Or,

    [Token(Category = "keyword", Example = "not")]
    Not,

    [Token(Category = "keyword", Example = "in")]
    In,

    [Token(Category = "keyword", Example = "between")]
    Between,

    [Token(Category = "keyword", Example = "true")]
    True,

    [Token(Category = "keyword", Example = "false")]
    False,

    [Token(Category = "keyword", Example = "null")]
    Null,

    [Token(Example = "(")]
    LeftParen,

    [Token(Example = ")")]
    RightParen,

    [Token(Example = "[")]
    LeftBracket,

    [Token(Example = "]")]
    RightBracket,

    [Token(Example = ",")]
    Comma,

    [Token(Example = ".")]
    Dot,

    [Token(Category = "operator", Example = "==")]
    Equal,

    [Token(Category = "operator", Example = "!=")]
    NotEqual,

    [Token(Category = "operator", Example = "<")]
    Less,

    [Token(Category = "operator", Example = "<=")]
    LessOrEqual,

    [Token(Category = "operator", Example = ">")]
    Greater,

    [Token(Category = "operator", Example = ">=")]
    GreaterOrEqual,

    [Token(Category = "operator", Example = "+")]
    Plus,

    [Token(Category = "operator", Example = "-")]
    Minus,

    [Token(Category = "operator", Example = "*")]
    Star,

    [Token(Category = "operator", Example = "/")]
    Slash,

    [Token(Category = "operator", Example = "%")]
    Percent,

    [Token(Category = "operator", Example = "??")]
    Coalesce,
}
