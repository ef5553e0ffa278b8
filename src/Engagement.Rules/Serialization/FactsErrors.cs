using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engagement.Rules.Facts;

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
                if (UnknownDiscriminator().IsMatch(json1.Message) && path is not null)
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
            default:
                return new FactsFormatException(exception.Message, lineNumber, null, null, exception);
        }
    }

    private static string Reason(JsonException exception) => exception.InnerException switch
    {
        FactValidationException validation => validation.Message,
        JsonException inner when string.IsNullOrEmpty(exception.Message) || exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            => WithoutLocation(exception.Message) + " " + WithoutLocation(inner.Message),
        _ => WithoutLocation(exception.Message),
    };

    // The serializer names the unknown discriminator only in its message: read it from the JSON instead.
    private static string UnknownTypeReason(string json, string path)
    {
        var names = DealershipFactTypes.All.Select(t => t.Name).ToArray();
        var given = TypeValueAt(json, path);
        var known = $"expected one of: {string.Join(", ", names)}.";
        return given is null
            ? $"The fact's \"{FactsContract.TypeProperty}\" is not a fact type name; {known}"
            : $"Unknown fact type '{given}'.{NameSuggestions.Hint(given, names)} The fact types are: {string.Join(", ", names)}.";
    }

    private static string? TypeValueAt(string json, string path)
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

            return element.TryGetProperty(FactsContract.TypeProperty, out var type) ? type.ToString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or System.Collections.Generic.KeyNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocationSuffix();

    [GeneratedRegex("unrecognized type discriminator id", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"must specify a type discriminator\. Path: (?<path>\S+) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingDiscriminator();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();
}
