using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Engagement.Rules.Formatting;

/// <summary>
/// Rewrites System.Text.Json's messages about a fact's fields, which name .NET types ("could not be mapped to any
/// .NET member contained in type 'Engagement.Rules.Facts.Vehicle'"), in the words of a fact file: the fact type
/// and its field names.
/// </summary>
/// <remarks>Shared source: compiled into Engagement.Rules (JSON fact files) and Engagement.Rules.Yaml (facts in rule tests).</remarks>
internal static partial class SerializerMessages
{
    /// <summary>The message in a fact file's words, or null when it is not one of the messages rewritten here.</summary>
    /// <param name="message">The serializer's message (its location suffix may still be there).</param>
    /// <param name="hint">Gives " Did you mean 'x'?" for a name among known names, or an empty text.</param>
    public static string? Rewrite(string message, Func<string, IReadOnlyList<string>, string> hint)
    {
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"{ShortName(missing.Groups["type"].Value)} needs {missing.Groups["names"].Value}.";
        }

        if (DuplicateProperty().Match(message) is { Success: true } duplicate)
        {
            var owner = duplicate.Groups["type"].Value.StartsWith("Engagement.Rules.Facts.", StringComparison.Ordinal) ? ShortName(duplicate.Groups["type"].Value) : "The object";
            return $"{owner} gives '{duplicate.Groups["name"].Value}' twice; expected each field once (the second value would silently replace the first).";
        }

        if (UnmappedProperty().Match(message) is not { Success: true } unmapped)
        {
            return null;
        }

        var name = unmapped.Groups["name"].Value;
        var typeName = unmapped.Groups["type"].Value;
        var fields = FieldsOf(typeName);
        var known = fields.Length > 0 ? $"{hint(name, fields)} Its fields are: {string.Join(", ", fields)}." : string.Empty;

        // A huge unknown name is quoted in part, so that one cannot flood a log.
        return $"{ShortName(typeName)} has no field '{Cut(name)}'.{known}";
    }

    /// <summary>
    /// A value as messages quote it: at most 100 characters, so one huge value cannot flood a log; never ending in half a
    /// surrogate pair, which would make the message itself invalid Unicode (strict UTF-8 log sinks reject it).
    /// </summary>
    public static string Cut(string text)
    {
        if (text.Length <= 100)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[99]) ? 99 : 100;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..length]}... ({text.Length} characters)");
    }

    private static string ShortName(string typeName) => typeName[(Math.Max(typeName.LastIndexOf('.'), typeName.LastIndexOf('+')) + 1)..];

    // The fields a fact file may give: settable (init) properties, named as the JSON contract names them.
    private static string[] FieldsOf(string typeName)
    {
        var type = typeof(Facts.Vin).Assembly.GetType(typeName);
        return type is null
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } || p.IsDefined(typeof(RequiredMemberAttribute)))
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .Order(StringComparer.Ordinal)
                .ToArray();
    }

    [GeneratedRegex(@"^JSON deserialization for type '(?<type>[\w.+]+)' was missing required properties including: (?<names>.+?)\.?(\s*Path:.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^Duplicate property '(?<name>[^']*)' encountered during deserialization of type '(?<type>[\w.+]+)'", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"^The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member contained in type '(?<type>[\w.+]+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();
}
