using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;
using Engagement.Rules.Formatting;
using Engagement.Rules.Yaml.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>
/// Turns the facts of a test case, written in YAML in the JSON shape of the fact records (docs/fact-model.md),
/// into the records: YAML to a JSON tree, then System.Text.Json with the fact model's converters. Every problem
/// names the fact, its line and the field.
/// </summary>
internal static partial class YamlFacts
{
    public static T Convert<T>(YamlMappingNode node, string what)
        where T : class => (T)Convert(node, typeof(T), what);

    public static object Convert(YamlNode node, Type type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(ToJson(node), type, FactJson.Options)
                ?? throw new TestFileException(TestFileReader.Line(node), $"{what} ({type.Name}) is empty.");
        }
        catch (JsonException ex)
        {
            throw Problem(FieldNode(node, ex.Path) ?? node, type, what, ex.Path is { Length: > 1 } path ? $"{path[2..]}: {Clean(ex.Message)}" : Clean(ex.Message), ex);
        }
        catch (FactValidationException ex)
        {
            throw Problem(node, type, what, ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw Problem(node, type, what, ex.Message, ex);
        }
        catch (FormatException ex)
        {
            throw Problem(node, type, what, ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw Problem(node, type, what, ex.Message, ex);
        }
        catch (NotSupportedException ex)
        {
            throw Problem(node, type, what, ex.Message, ex);
        }
    }

    /// <summary>A YAML node as JSON: plain scalars that look like numbers, true/false or null become those.</summary>
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var pair in mapping.Children)
                {
                    var key = (pair.Key as YamlScalarNode)?.Value ?? throw new TestFileException(TestFileReader.Line(pair.Key), "A key must be a single value.");
                    obj[key] = ToJson(pair.Value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style != ScalarStyle.Plain)
                {
                    return JsonValue.Create(text);
                }

                if (text is "" or "~" or "null")
                {
                    return null;
                }

                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return JsonValue.Create(whole);
                }

                if (DecimalPattern().IsMatch(text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                return JsonValue.Create(text);
            default:
                throw new TestFileException(TestFileReader.Line(node), "Aliases are not supported in facts; repeat the value.");
        }
    }

    /// <summary>The fact list of a case: each item is <c>- TypeName: { fields }</c>.</summary>
    public static List<object> Facts(IReadOnlyList<YamlNode> items, FactTypeCatalog catalog)
    {
        var facts = new List<object>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var what = string.Create(CultureInfo.InvariantCulture, $"facts[{i}]");
            if (item is not YamlMappingNode { Children.Count: 1 } mapping || mapping.Children.Keys is not { } keys)
            {
                throw new TestFileException(TestFileReader.Line(item), $"{what} must be one 'FactType: {{ fields }}' entry, e.g. '- Vehicle: {{ Vin: ..., Make: ... }}'.");
            }

            foreach (var pair in mapping.Children)
            {
                var name = (pair.Key as YamlScalarNode)?.Value ?? string.Empty;
                if (name is "Customer" or "Dealership")
                {
                    throw new TestFileException(TestFileReader.Line(item), $"{what}: the {name} is given under '{name.ToLowerInvariant()}', not among the facts.");
                }

                if (!catalog.TryGetType(name, out var type))
                {
                    throw new TestFileException(
                        TestFileReader.Line(item),
                        $"{what}: unknown fact type '{name}'; known: {string.Join(", ", catalog.Names)}.");
                }

                facts.Add(Convert(pair.Value, type, $"{what} {name}"));
            }
        }

        return ReplaceByIdentity(facts);
    }

    /// <summary>
    /// A case's fact with the same identity as a default fact (e.g. the same VIN) replaces it, in the default's
    /// place: a case changes one field of a shared vehicle by restating that vehicle.
    /// </summary>
    private static List<object> ReplaceByIdentity(List<object> facts)
    {
        var index = new Dictionary<object, int>();
        var result = new List<object>();
        foreach (var fact in facts)
        {
            if (fact is IFactIdentity identified && index.TryGetValue(identified.FactIdentity, out var at))
            {
                result[at] = fact;
                continue;
            }

            if (fact is IFactIdentity identity)
            {
                index[identity.FactIdentity] = result.Count;
            }

            result.Add(fact);
        }

        return result;
    }

    private static TestFileException Problem(YamlNode node, Type type, string what, string message, Exception inner) =>
        new(TestFileReader.Line(node), $"{what} ({type.Name}): {message}");

    // The key of the fact's field the serializer blames ("$.timeZoneId", "$.Vin"), so the error points at its line
    // rather than the fact's first one. Keys match as the reader matches them: ignoring case.
    private static YamlNode? FieldNode(YamlNode fact, string? path)
    {
        if (fact is not YamlMappingNode mapping || path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var field = path[2..];
        var end = field.IndexOfAny(['.', '[']);
        field = end < 0 ? field : field[..end];
        foreach (var (key, _) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && string.Equals(name, field, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    // System.Text.Json appends its own path and position; ours (the fact and its line) is more useful.
    private static string Clean(string message)
    {
        if (SerializerMessages.Rewrite(message, static (name, known) => DidYouMean.Closest(name, known) is { } near ? $" Did you mean '{near}'?" : string.Empty) is { } rewritten)
        {
            return rewritten;
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^-?[0-9]+\\.[0-9]+$")]
    private static partial Regex DecimalPattern();
}
