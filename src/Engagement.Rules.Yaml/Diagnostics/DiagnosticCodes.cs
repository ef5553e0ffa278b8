namespace Engagement.Rules.Yaml.Diagnostics;

/// <summary>
/// The stable diagnostic codes of the loader: ER0xxx for files, YAML and structure, ER1xxx for rule
/// semantics (ER2xxx belong to the expression language, see <see cref="Expressions.ExpressionDiagnosticCodes"/>). Codes are
/// never reused for another meaning: a host may compare <see cref="RuleDiagnostic.Code"/> with these constants. Every code
/// is documented in docs/rule-language.md; a test keeps that table and this list in step.
/// </summary>
public static class DiagnosticCodes
{
    // Files and encoding.
    /// <summary>ER0001 (error): The file or folder given to <c>Load</c> does not exist.</summary>
    public const string FileNotFound = "ER0001";

    /// <summary>ER0002 (error): The file is larger than <c>MaxFileBytes</c> (1 MiB); split it. It is not read.</summary>
    public const string FileTooLarge = "ER0002";

    /// <summary>ER0003 (error): Not valid UTF-8 (the byte offset is given), or a NUL character; save as UTF-8 text.</summary>
    public const string InvalidUtf8 = "ER0003";

    /// <summary>ER0004 (error): UTF-16 or UTF-32 (byte order mark); save as UTF-8. A UTF-8 BOM is accepted.</summary>
    public const string UnsupportedEncoding = "ER0004";

    /// <summary>ER0005 (error): A tab in indentation; indent with spaces.</summary>
    public const string TabIndentation = "ER0005";

    /// <summary>ER0006 (error): The file exists but cannot be read (permissions, I/O error), or is not a regular file (a named pipe, device or socket, whose reading could block or never end): it is not read.</summary>
    public const string FileUnreadable = "ER0006";

    /// <summary>ER0007 (warning): The file is empty.</summary>
    public const string EmptyFile = "ER0007";

    // YAML.
    /// <summary>ER0010 (error): Invalid YAML (indentation, quotes, brackets).</summary>
    public const string YamlSyntax = "ER0010";

    /// <summary>ER0011 (error): An anchor (<c>&amp;a</c>) or alias (<c>*a</c>); write the value out or use a named condition.</summary>
    public const string AliasNotAllowed = "ER0011";

    /// <summary>ER0012 (error): A tag (<c>!!str</c>, <c>!custom</c>); remove it.</summary>
    public const string TagNotAllowed = "ER0012";

    /// <summary>ER0013 (error): Nesting deeper than <c>MaxDepth</c> (64).</summary>
    public const string TooDeep = "ER0013";

    /// <summary>ER0014 (error): More than one YAML document (<c>---</c>) in a file.</summary>
    public const string MultipleDocuments = "ER0014";

    /// <summary>ER0015 (error): A key appears twice in the same mapping.</summary>
    public const string DuplicateKey = "ER0015";

    /// <summary>ER0016 (error): A key that is a list or mapping.</summary>
    public const string ComplexKey = "ER0016";

    // Structure.
    /// <summary>ER0020 (error): Unknown key (with a suggestion).</summary>
    public const string UnknownKey = "ER0020";

    /// <summary>ER0021 (error): Wrong kind of value: a list where a mapping is needed, etc.</summary>
    public const string WrongNodeKind = "ER0021";

    /// <summary>ER0022 (error): A required key is missing.</summary>
    public const string MissingKey = "ER0022";

    /// <summary>ER0023 (error): A value of the wrong form: number, true/false, date, time, choice, touch kind, topic, empty expression.</summary>
    public const string InvalidValue = "ER0023";

    /// <summary>ER0024 (error): <c>apiVersion</c> missing or not <c>engagement-rules/v1</c>.</summary>
    public const string UnsupportedApiVersion = "ER0024";

    // Includes and limits.
    /// <summary>ER0030 (error): An included file does not exist.</summary>
    public const string IncludeNotFound = "ER0030";

    /// <summary>ER0031 (error): Includes form a cycle.</summary>
    public const string IncludeCycle = "ER0031";

    /// <summary>ER0032 (error): An include is absolute or leaves the root folder, or a linked file in a loaded folder leads out of it.</summary>
    public const string IncludeOutsideRoot = "ER0032";

    /// <summary>ER0033 (error): An include is not a <c>.yaml</c>/<c>.yml</c> rule file.</summary>
    public const string IncludeNotYaml = "ER0033";

    /// <summary>ER0034 (error): An include in text loaded from memory.</summary>
    public const string IncludeWithoutFile = "ER0034";

    /// <summary>ER0040 (error): More rules than <c>MaxRules</c> (10 000) in one load.</summary>
    public const string TooManyRules = "ER0040";

    /// <summary>ER0041 (error): More files than <c>MaxFiles</c> (1 000) in one load.</summary>
    public const string TooManyFiles = "ER0041";

    /// <summary>ER0042 (error): An expression longer than <c>MaxExpressionLength</c> (2 000 characters).</summary>
    public const string ExpressionTooLong = "ER0042";

    /// <summary>ER0050 (error): The engine (<c>RuleCompiler</c>) rejected a rule the loader accepted: one error per engine error, at the rejected rule's own file, line and column, naming the rule. The loader checks every engine limit a rule file can reach (ER1018, ER1019), so this is a safeguard; every consumer reports it so (<c>RuleSetCompiler.TryCompile</c>: the provider, the rule test runner, the DI package, the CLI). From the provider also: a <c>Reloaded</c>/<c>ReloadFailed</c> handler threw, at its paths' 1:1.</summary>
    public const string RuleSetRejected = "ER0050";

    /// <summary>ER0051 (error): A reload found no rules at all while rules are in service (a folder emptied for a moment, e.g. by a deploy that deletes before it copies): refused, the current rules stay (swapping every rule for none would stop every touch without an error). From <c>FileSystemRuleSetProvider</c> at its paths' 1:1, and from <c>ReloadingEngagementEvaluator</c> (so the DI package's reloads) at <c>(reloaded rules)</c> 1:1.</summary>
    public const string EmptyReload = "ER0051";

    /// <summary>ER0052 (error): The policy options do not fit a reloaded rule set (e.g. <c>Holdouts.RulePercents</c> names a rule no longer there): refused, the current rules stay; one per problem, at <c>PolicyOptions</c> 1:1. From <c>ReloadingEngagementEvaluator</c> and the DI package's reloads.</summary>
    public const string PolicyMismatch = "ER0052";

    // Rule semantics.
    /// <summary>ER1001 (error): Duplicate rule id (both places cited).</summary>
    public const string DuplicateRuleId = "ER1001";

    /// <summary>ER1002 (error): Invalid rule id.</summary>
    public const string InvalidRuleId = "ER1002";

    /// <summary>ER1003 (error): Unknown fact type (with a suggestion).</summary>
    public const string UnknownFactType = "ER1003";

    /// <summary>ER1004 (error): A name declared twice in a rule.</summary>
    public const string DuplicateDeclaration = "ER1004";

    /// <summary>ER1005 (error): An invalid or reserved name.</summary>
    public const string InvalidName = "ER1005";

    /// <summary>ER1006 (error): A <c>where</c> name that is neither a declaration nor a named condition.</summary>
    public const string UnknownCondition = "ER1006";

    /// <summary>ER1007 (error): A named condition defined twice (both places cited).</summary>
    public const string DuplicateCondition = "ER1007";

    /// <summary>ER1008 (error): A named condition from a file this file does not include.</summary>
    public const string ConditionNotIncluded = "ER1008";

    /// <summary>ER1009 (error): A named condition's parameters do not fit (missing, wrong type, unknown in <c>with</c>, <c>with</c> without parameters).</summary>
    public const string ConditionParameterMismatch = "ER1009";

    /// <summary>ER1010 (error): A <c>when</c> item that is not a pattern or a keyword, or a keyword not alone in its item; actions likewise.</summary>
    public const string UnknownElement = "ER1010";

    /// <summary>ER1011 (error): <c>any</c> with fewer than two alternatives.</summary>
    public const string AnyNeedsAlternatives = "ER1011";

    /// <summary>ER1012 (error): A rule without actions.</summary>
    public const string NoActions = "ER1012";

    /// <summary>ER1013 (error): <c>effective.until</c> before <c>effective.from</c>.</summary>
    public const string InvalidEffectiveRange = "ER1013";

    /// <summary>ER1014 (error): A touch or signal cannot tell its customer.</summary>
    public const string CustomerNotFound = "ER1014";

    /// <summary>ER1015 (error): A value of the wrong type (a condition that is not true/false, a customer that is neither an id nor a fact with one, a non-date <c>expires</c>, a whole fact or a list in <c>values</c> or a <c>reason</c> part...).</summary>
    public const string WrongValueType = "ER1015";

    /// <summary>ER1016 (error): A <c>{</c> or <c>}</c> out of place in <c>reason</c>.</summary>
    public const string InterpolationSyntax = "ER1016";

    /// <summary>ER1017 (error): An aggregate's <c>value</c>/<c>key</c> missing, misplaced, of the wrong type or using other names.</summary>
    public const string AggregateInvalid = "ER1017";

    /// <summary>ER1018 (error): A rule's conditions stack more than 64 levels in one alternative (the engine's <c>RuleCompiler.MaxLevels</c>, counted by <c>RuleCompiler.CountLevels</c>): each pattern and <c>let</c> counts one, an aggregate two, a <c>not</c>/<c>exists</c>/<c>forall</c> one plus what it contains, the evaluation context one; each alternative of an <c>any</c> counts on its own.</summary>
    public const string RuleTooDeep = "ER1018";

    /// <summary>ER1019 (error): A rule's <c>any</c> items combine into more than 64 alternatives (the engine expands each into its own match path and refuses more): the alternatives of an <c>any</c> add up, items side by side multiply (seven <c>any</c> of two make 128), the content of <c>not</c>/<c>exists</c> counts on its own. Reported at the <c>any</c> that passes the limit; split the rule.</summary>
    public const string TooManyAlternatives = "ER1019";

    /// <summary>ER1020 (warning): A named condition that no rule of the load uses (reported only when the load has no errors). Short forms are checked for syntax where they are written, used or not.</summary>
    public const string UnusedCondition = "ER1020";
}
