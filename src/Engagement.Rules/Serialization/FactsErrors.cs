using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engagement.Rules.Facts;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Serialization;

/// <summary>Turns the serializer's and the records' exceptions into <see cref="FactsFormatException"/>s.</summary>
internal static partial class FactsErrors
{
    /// <summary>The serializer's message without the " Path: ... | LineNumber: ... | BytePositionInLine: ..." it appends.</summary>
    public static string WithoutLocation(string message) => LocationSuffix().Replace(message, string.Empty);

    /// <summary>
    /// Translates an exception thrown while reading. <paramref name="lineNumber"/> is the JSON Lines line
    /// (1-based), or null for a document, whose line comes from the serializer.
    /// </summary>
    public static FactsFormatException Translate(Exception exception, long? lineNumber, string json)
    {
        switch (exception)
        {
            case FactsFormatException formatException:
                return formatException;
            case JsonException json1:
            {
                var path = json1 is FactJsonException located ? located.Locate(json1.Path) : json1.Path;
                var line = lineNumber ?? (json1.LineNumber is { } l ? l + 1 : null);
                var reason = Reason(json1);
                if (NotConverted().Match(json1.Message) is { Success: true } converted && path is not null)
                {
                    reason = NotConvertedReason(converted.Groups["type"].Value, json, path, exception) ?? reason;
                }
                else if (UnknownDiscriminator().IsMatch(json1.Message) && path is not null)
                {
                    reason = UnknownTypeReason(json, path);
                    path += "." + FactsContract.TypeProperty;
                }

                // The cause a caller can act on: the record's validation error, else the serializer's error.
                var cause = json1.InnerException is FactValidationException or JsonException ? json1.InnerException : exception;
                return new FactsFormatException(reason, line, path, json1.BytePositionInLine, cause);
            }

            case NotSupportedException notSupported when MissingDiscriminator().Match(notSupported.Message) is { Success: true } match:
                return new FactsFormatException(
                    $"The fact has no \"{FactsContract.TypeProperty}\"; expected one of the fact type names, e.g. \"Vehicle\".",
                    lineNumber ?? long.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) + 1,
                    match.Groups["path"].Value,
                    long.Parse(match.Groups["byte"].Value, CultureInfo.InvariantCulture),
                    exception);
            case ArgumentException when UnpairedSurrogate(json) is { } at:
            {
                // The serializer transcodes the text to UTF-8 first and names no position: find the character.
                var lineStart = json.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
                var line = lineNumber ?? json.AsSpan(0, at).Count('\n') + 1;
                var column = System.Text.Encoding.UTF8.GetByteCount(json.AsSpan(lineStart, at - lineStart));
                return new FactsFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The text holds an unpaired UTF-16 surrogate (U+{(int)json[at]:X4}), which is not a Unicode character; expected valid Unicode text."),
                    line,
                    "$",
                    column,
                    exception);
            }

            default:
                return new FactsFormatException(exception.Message, lineNumber, "$", null, exception);
        }
    }

    private static string Reason(JsonException exception) => exception.InnerException switch
    {
        FactValidationException validation => validation.Message,
        _ when SerializerMessages.Rewrite(exception.Message, NameSuggestions.Hint) is { } rewritten => rewritten,
        JsonException inner when string.IsNullOrEmpty(exception.Message) || exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            => WithoutLocation(exception.Message) + " " + WithoutLocation(inner.Message),
        _ => WithoutLocation(exception.Message),
    };

    // "The JSON value could not be converted to X": say which value and what X looks like.
    private static string? NotConvertedReason(string typeName, string json, string path, Exception exception)
    {
        var value = ValueAt(json, path);
        if (value is null)
        {
            return null;
        }

        var text = TextOf(value.Value);
        var shown = SerializerMessages.Cut(text is not null ? $"'{text}'" : value.Value.GetRawText());
        var type = typeof(Vin).Assembly.GetType(typeName);
        if (type is { IsEnum: true })
        {
            var names = Enum.GetNames(type);
            var hint = text is not null ? NameSuggestions.Hint(text, names)
                : value.Value.ValueKind == JsonValueKind.Number ? " Enum values are written as names, not numbers."
                : string.Empty;
            return $"The value {shown} is not a {type.Name}.{hint} Expected one of: {string.Join(", ", names)}.";
        }

        var expected = typeName switch
        {
            "NodaTime.LocalDate" => "an ISO date yyyy-MM-dd, e.g. \"2026-03-01\"",
            "NodaTime.Instant" => "an ISO instant in UTC, e.g. \"2026-03-01T10:00:00Z\"",
            "NodaTime.LocalTime" => "a time of day HH:mm:ss, e.g. \"07:30:00\"",
            "NodaTime.AnnualDate" => "a month and day MM-dd, e.g. \"02-29\"",
            "Engagement.Rules.Serialization.FactsEnvelope" => "an object {\"customer\": {...}, \"dealership\": {...} or \"dealershipId\": \"...\", \"facts\": [...]}",
            "Engagement.Rules.Serialization.DealershipSettings" => "an object {\"dealerships\": [...]}",
            "System.String" => "a JSON string",
            "System.Boolean" => "true or false",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Decimal" => "a number",
            _ => null,
        };
        var name = typeName[(typeName.LastIndexOf('.') + 1)..];
        if (expected is not null)
        {
            return $"The value {shown} is not a valid {name}; expected {expected}.";
        }

        // A value inside a value record: the serializer names the record; the innermost error names the problem.
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        // The innermost messages of a null or of a number where text belongs speak of .NET parameters and tokens
        // ("Value cannot be null. (Parameter 'text')"): say what the file must hold instead.
        if (value.Value.ValueKind == JsonValueKind.Null)
        {
            return "The value is missing (null); this field needs a value.";
        }

        if (innermost is InvalidOperationException && innermost.Message.EndsWith("as a string.", StringComparison.Ordinal))
        {
            return $"The value {shown} is a JSON {value.Value.ValueKind.ToString().ToLowerInvariant()}; expected a JSON string.";
        }

        return innermost is JsonException ? $"The value {shown} could not be converted." : $"The value {shown} could not be converted: {innermost.Message}";
    }

    // The serializer names the unknown discriminator only in its message: read it from the JSON instead.
    private static string UnknownTypeReason(string json, string path)
    {
        var names = DealershipFactTypes.All.Select(t => t.Name).ToArray();
        var given = ValueAt(json, path) is { ValueKind: JsonValueKind.Object } fact && fact.TryGetProperty(FactsContract.TypeProperty, out var type) ? TextOf(type) ?? type.GetRawText() : null;
        var known = $"expected one of: {string.Join(", ", names)}.";
        return given is null
            ? $"The fact's \"{FactsContract.TypeProperty}\" is not a fact type name; {known}"
            : $"Unknown fact type '{SerializerMessages.Cut(given)}'.{NameSuggestions.Hint(given, names)} The fact types are: {string.Join(", ", names)}.";
    }

    // A string value as text; null for other kinds and for a string that is not valid Unicode ("\uD800"), which
    // System.Text.Json cannot turn into a .NET string.
    private static string? TextOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static int? UnpairedSurrogate(string json)
    {
        for (var i = 0; i < json.Length; i++)
        {
            if (char.IsHighSurrogate(json[i]) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(json[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static JsonElement? ValueAt(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var element = document.RootElement;
            foreach (Match step in PathStep().Matches(path))
            {
                if (step.Groups["name"].Success)
                {
                    element = element.GetProperty(step.Groups["name"].Value);
                }
                else
                {
                    element = element[int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture)];
                }
            }

            return element.Clone();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or System.Collections.Generic.KeyNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocationSuffix();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>[\w.]+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex NotConverted();

    [GeneratedRegex("unrecognized type discriminator id", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"must specify a type discriminator\. Path: (?<path>\S+) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingDiscriminator();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();
}
