namespace Engagement.Rules.Yaml.Expressions;

/// <summary>
/// The stable codes of expression diagnostics: the range ER2000-ER2099 belongs to the expression language
/// (documented in docs/rule-expressions.md). Codes are never reused for another meaning.
/// </summary>
public static class ExpressionDiagnosticCodes
{
    /// <summary>The text does not follow the grammar (an unexpected token, a missing operand, an empty expression).</summary>
    public const string SyntaxError = "ER2001";

    /// <summary>A character that is not part of the language (e.g. <c>&amp;&amp;</c>, <c>=</c>, <c>!</c>).</summary>
    public const string InvalidCharacter = "ER2002";

    /// <summary>Quoted text without its closing quote.</summary>
    public const string UnterminatedText = "ER2003";

    /// <summary>An unknown escape sequence in quoted text.</summary>
    public const string InvalidEscape = "ER2004";

    /// <summary>A literal that is out of range or not a real value (e.g. <c>2026-02-30</c>, <c>25:00</c>).</summary>
    public const string InvalidLiteral = "ER2005";

    /// <summary><c>null</c> is not a value of the language; has() and ?? handle missing values.</summary>
    public const string NullNotSupported = "ER2006";

    /// <summary>The expression is longer than the limit.</summary>
    public const string ExpressionTooLong = "ER2010";

    /// <summary>Parentheses, brackets and prefix operators are nested more deeply than the limit.</summary>
    public const string NestingTooDeep = "ER2011";

    /// <summary>The expression has too many operators in a row to be checked safely.</summary>
    public const string ExpressionTooComplex = "ER2012";

    /// <summary>A name that is neither a declaration of the rule nor (where an enum is expected) an enum member.</summary>
    public const string UnknownName = "ER2020";

    /// <summary>A field that the type does not have (names are camelCase: modelYear for ModelYear).</summary>
    public const string UnknownField = "ER2021";

    /// <summary>A field whose type the language cannot use.</summary>
    public const string UnsupportedFieldType = "ER2022";

    /// <summary>Member access on a value that has no fields (a date, a number, text...).</summary>
    public const string NoFields = "ER2023";

    /// <summary>Operands of an operator whose types do not fit it.</summary>
    public const string TypeMismatch = "ER2030";

    /// <summary>The whole expression has the wrong type (e.g. a condition that is not true/false).</summary>
    public const string WrongResultType = "ER2031";

    /// <summary>Quoted text compared with an enum value.</summary>
    public const string TextComparedToEnum = "ER2032";

    /// <summary>A bare name that is not a member of the enum it is compared with.</summary>
    public const string UnknownEnumMember = "ER2033";

    /// <summary>Subtraction of two dates; daysBetween says which unit is meant.</summary>
    public const string DateSubtraction = "ER2034";

    /// <summary>A list literal outside <c>in [...]</c>, or an empty list.</summary>
    public const string InvalidList = "ER2035";

    /// <summary>Months or years added to an instant: they have no fixed length.</summary>
    public const string PeriodNotFixed = "ER2036";

    /// <summary>A value that may be missing, used without has() or ??.</summary>
    public const string MayBeMissing = "ER2040";

    /// <summary>Warning: has() or ?? on a value that is never missing.</summary>
    public const string NeverMissing = "ER2041";

    /// <summary>A function that is not in the catalogue.</summary>
    public const string UnknownFunction = "ER2050";

    /// <summary>A function called with the wrong number of arguments.</summary>
    public const string WrongArgumentCount = "ER2051";

    /// <summary>A function called with an argument of the wrong type.</summary>
    public const string WrongArgumentType = "ER2052";

    /// <summary>A defect of the compiler itself; the expression is rejected instead of crashing the host.</summary>
    public const string InternalError = "ER2099";
}
