namespace Engagement.Rules.Yaml.Loading;

/// <summary>
/// The stable diagnostic codes of the loader: ER0xxx for files, YAML and structure, ER1xxx for rule
/// semantics (ER2xxx belong to the expression language). Every code is documented in docs/rule-language.md;
/// a test keeps that table and this list in step.
/// </summary>
internal static class DiagnosticCodes
{
    // Files and encoding.
    public const string FileNotFound = "ER0001";
    public const string FileTooLarge = "ER0002";
    public const string InvalidUtf8 = "ER0003";
    public const string UnsupportedEncoding = "ER0004";
    public const string TabIndentation = "ER0005";
    public const string FileUnreadable = "ER0006";
    public const string EmptyFile = "ER0007";

    // YAML.
    public const string YamlSyntax = "ER0010";
    public const string AliasNotAllowed = "ER0011";
    public const string TagNotAllowed = "ER0012";
    public const string TooDeep = "ER0013";
    public const string MultipleDocuments = "ER0014";
    public const string DuplicateKey = "ER0015";
    public const string ComplexKey = "ER0016";

    // Structure.
    public const string UnknownKey = "ER0020";
    public const string WrongNodeKind = "ER0021";
    public const string MissingKey = "ER0022";
    public const string InvalidValue = "ER0023";
    public const string UnsupportedApiVersion = "ER0024";

    // Includes and limits.
    public const string IncludeNotFound = "ER0030";
    public const string IncludeCycle = "ER0031";
    public const string IncludeOutsideRoot = "ER0032";
    public const string IncludeNotYaml = "ER0033";
    public const string IncludeWithoutFile = "ER0034";
    public const string TooManyRules = "ER0040";
    public const string TooManyFiles = "ER0041";
    public const string ExpressionTooLong = "ER0042";
    public const string RuleSetRejected = "ER0050";

    // Rule semantics.
    public const string DuplicateRuleId = "ER1001";
    public const string InvalidRuleId = "ER1002";
    public const string UnknownFactType = "ER1003";
    public const string DuplicateDeclaration = "ER1004";
    public const string InvalidName = "ER1005";
    public const string UnknownCondition = "ER1006";
    public const string DuplicateCondition = "ER1007";
    public const string ConditionNotIncluded = "ER1008";
    public const string ConditionParameterMismatch = "ER1009";
    public const string UnknownElement = "ER1010";
    public const string AnyNeedsAlternatives = "ER1011";
    public const string NoActions = "ER1012";
    public const string InvalidEffectiveRange = "ER1013";
    public const string CustomerNotFound = "ER1014";
    public const string WrongValueType = "ER1015";
    public const string InterpolationSyntax = "ER1016";
    public const string AggregateInvalid = "ER1017";
    public const string RuleTooDeep = "ER1018";
    public const string TooManyAlternatives = "ER1019";
}
