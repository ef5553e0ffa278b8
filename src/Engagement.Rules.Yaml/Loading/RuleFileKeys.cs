using System.Collections.Generic;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>
/// Every key the loader accepts, by the mapping it may appear in. The loader rejects any other key, and a
/// test checks that schemas/engagement-rules.schema.json lists exactly these (its <c>$defs</c> carry the
/// same section names).
/// </summary>
internal static class RuleFileKeys
{
    public const string ApiVersion = "engagement-rules/v1";

    public static readonly IReadOnlyList<string> File = ["apiVersion", "include", "conditions", "rules"];

    public static readonly IReadOnlyList<string> ConditionDefinition = ["expression", "parameters", "description"];

    public static readonly IReadOnlyList<string> Rule =
        ["id", "description", "priority", "tags", "enabled", "repeatable", "effective", "when", "then"];

    public static readonly IReadOnlyList<string> Effective = ["from", "until"];

    /// <summary>Besides the one <c>name: FactType</c> entry.</summary>
    public static readonly IReadOnlyList<string> Pattern = ["where"];

    public static readonly IReadOnlyList<string> ConditionReference = ["condition", "with"];

    /// <summary>The keywords of a <c>when</c> element (each alone in its mapping).</summary>
    public static readonly IReadOnlyList<string> Element =
        ["not", "exists", "any", "all", "forall", "let", "count", "collect", "sum", "min", "max", "groupBy"];

    public static readonly IReadOnlyList<string> ForAll = ["each", "satisfy"];

    public static readonly IReadOnlyList<string> Aggregate = ["as", "of", "value", "key", "having"];

    public static readonly IReadOnlyList<string> Action = ["touch", "signal"];

    public static readonly IReadOnlyList<string> Touch =
        ["kind", "class", "topic", "customer", "vehicle", "channel", "due", "at", "expires", "priority", "values", "reason"];

    public static readonly IReadOnlyList<string> Signal = ["name", "customer", "vehicle", "values", "linked"];

    public static readonly IReadOnlyList<string> TouchClasses = ["safety", "service", "relationship", "marketing"];

    public static readonly IReadOnlyList<string> Channels = ["preferred", "email", "sms", "phone", "mail", "push"];

    /// <summary>The sections by name, as the schema's <c>$defs</c> name them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Sections = new Dictionary<string, IReadOnlyList<string>>
    {
        ["file"] = File,
        ["conditionDefinition"] = ConditionDefinition,
        ["rule"] = Rule,
        ["effective"] = Effective,
        ["conditionReference"] = ConditionReference,
        ["forall"] = ForAll,
        ["aggregate"] = Aggregate,
        ["action"] = Action,
        ["touch"] = Touch,
        ["signal"] = Signal,
    };
}
