using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
                var keys = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
                foreach (var pair in mapping.Children)
                {
                    var key = (pair.Key as YamlScalarNode)?.Value ?? throw new TestFileException(TestFileReader.Line(pair.Key), "A key must be a single value.");

                    // The reader matches field names ignoring case and would keep only the last of two spellings.
                    if (!keys.TryAdd(key, pair.Key))
                    {
                        var first = keys[key];
                        throw new TestFileException(
                            TestFileReader.Line(pair.Key),
                            $"The key '{key}' names the same field as '{((YamlScalarNode)first).Value}' on line {TestFileReader.Line(first)} (field names are not case-sensitive); give the field once.");
                    }

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

    /// <summary>
    /// The facts of a case: the default facts, each replaced in its place by a case fact of the same identity
    /// (e.g. the same VIN), then the case's other facts. Each item is <c>- TypeName: { fields }</c>. Within one list
    /// two facts of one identity are an error: the second would silently replace the first.
    /// </summary>
    public static List<object> Facts(IReadOnlyList<YamlNode> defaults, IReadOnlyList<YamlNode> own, FactTypeCatalog catalog)
    {
        var result = List(defaults, "defaults.facts", catalog);
        var index = new Dictionary<object, int>();
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Fact is IFactIdentity { FactIdentity: { } identity })
            {
                index[identity] = i;
            }
        }

        var facts = result.Select(f => f.Fact).ToList();
        foreach (var (fact, _) in List(own, "facts", catalog))
        {
            if (fact is IFactIdentity { FactIdentity: { } identity } && index.TryGetValue(identity, out var at))
            {
                facts[at] = fact;
            }
            else
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    private static List<(object Fact, int Line)> List(IReadOnlyList<YamlNode> items, string list, FactTypeCatalog catalog)
    {
        var facts = new List<(object Fact, int Line)>();
        var identities = new Dictionary<object, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var what = string.Create(CultureInfo.InvariantCulture, $"{list}[{i}]");
            if (item is not YamlMappingNode { Children.Count: 1 } mapping)
            {
                throw new TestFileException(TestFileReader.Line(item), $"{what} must be one 'FactType: {{ fields }}' entry, e.g. '- Vehicle: {{ Vin: ..., Make: ... }}'.");
            }

            var (key, value) = mapping.Children.Single();
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
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

            var fact = Convert(value, type, $"{what} {name}");
            if (fact is IFactIdentity { FactIdentity: { } identity } && !identities.TryAdd(identity, i))
            {
                var first = identities[identity];
                throw new TestFileException(
                    TestFileReader.Line(item),
                    string.Create(CultureInfo.InvariantCulture, $"{what} {name} has the identity {identity} of {list}[{first}] (line {facts[first].Line}); give each fact its own id (only a case's fact replaces a default fact of the same identity)."));
            }

            facts.Add((fact, TestFileReader.Line(item)));
        }

        return facts;
    }

    private static TestFileException Problem(YamlNode node, Type type, string what, string message, Exception inner) =>
        new(TestFileReader.Line(node), $"{what} ({type.Name}): {message}");

    // The node of the fact's field the serializer blames ("$.timeZoneId", "$.Vin", "$.consents[1]"), so the error
    // points at its line rather than the fact's first one: the key of a field, the item of a list, as deep as the
    // path goes. Keys match as the reader matches them: ignoring case.
    private static YamlNode? FieldNode(YamlNode fact, string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        YamlNode? found = null;
        var current = fact;
        foreach (Match step in PathStep().Matches(path))
        {
            YamlNode? blamed = null;
            YamlNode? inner = null;
            if (step.Groups["name"].Success && current is YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && string.Equals(name, step.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))
                    {
                        (blamed, inner) = (key, value);
                        break;
                    }
                }
            }
            else if (step.Groups["index"].Success && current is YamlSequenceNode sequence
                && int.TryParse(step.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Children.Count)
            {
                blamed = inner = sequence.Children[index];
            }

            if (blamed is null || inner is null)
            {
                break;
            }

            (found, current) = (blamed, inner);
        }

        return found;
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

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^-?[0-9]+\\.[0-9]+$")]
    private static partial Regex DecimalPattern();
}
