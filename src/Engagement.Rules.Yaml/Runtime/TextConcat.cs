namespace Engagement.Rules.Yaml.Runtime;

/// <summary>
/// <see cref="string.Concat(string?, string?, string?, string?)"/> for five to eight parts, for compiled reasons:
/// expression trees cannot pass a span, and the <c>string[]</c> overload costs an array per fired rule.
/// </summary>
internal static class TextConcat
{
    public static string Concat(string? a, string? b, string? c, string? d, string? e) => string.Concat([a, b, c, d, e]);

    public static string Concat(string? a, string? b, string? c, string? d, string? e, string? f) => string.Concat([a, b, c, d, e, f]);

    public static string Concat(string? a, string? b, string? c, string? d, string? e, string? f, string? g) => string.Concat([a, b, c, d, e, f, g]);

    public static string Concat(string? a, string? b, string? c, string? d, string? e, string? f, string? g, string? h) => string.Concat([a, b, c, d, e, f, g, h]);
}
