using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;
using Json.Schema;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>schemas/engagement-rules.schema.json stays in step with the keys the loader accepts.</summary>
public sealed partial class SchemaTest
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "engagement-rules.schema.json"));

    /// <summary>Parsed once: the library registers a schema by its $id and refuses a second registration.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText));

    private static JsonNode Definitions => JsonNode.Parse(SchemaText)!["definitions"]!;

    public static IEnumerable<string> Sections => RuleFileKeys.Sections.Keys;

    [TestCaseSource(nameof(Sections))]
    public void Schema_Section_ListsExactlyTheKeysTheLoaderAccepts(string section)
    {
        var properties = Definitions[section]!["properties"]!.AsObject().Select(p => p.Key);

        properties.Should().BeEquivalentTo(RuleFileKeys.Sections[section]);
        Definitions[section]!["additionalProperties"]!.GetValue<bool>().Should().BeFalse("unknown keys are errors for the loader");
    }

    [Test]
    public void Schema_Elements_AreThePatternAndExactlyTheLoaderKeywords()
    {
        var keywords = Definitions["element"]!["anyOf"]!.AsArray()
            .Where(e => e!["required"] is not null)
            .Select(e => e!["required"]![0]!.GetValue<string>());

        keywords.Should().BeEquivalentTo(RuleFileKeys.Element);
        Definitions["pattern"]!["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(RuleFileKeys.Pattern);
    }

    [Test]
    public void Schema_Choices_MatchTheLoader()
    {
        Definitions["touch"]!["properties"]!["class"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(RuleFileKeys.TouchClasses);
        Definitions["touch"]!["properties"]!["channel"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(RuleFileKeys.Channels);
        Definitions["file"]!["properties"]!["apiVersion"]!["const"]!.GetValue<string>().Should().Be(RuleFileKeys.ApiVersion);
    }

    public static IEnumerable<string> ValidFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "valid"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Corpus", "valid"), f))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ValidFiles))]
    public void Schema_ValidSample_Validates(string file)
    {
        var result = Validate(Path.Combine(AppContext.BaseDirectory, "Corpus", "valid", file));

        result.IsValid.Should().BeTrue(JsonSerializer.Serialize(result));
    }

    [TestCase("unknown-key.yaml")]
    [TestCase("invalid-value.yaml")]
    [TestCase("api-version.yaml")]
    public void Schema_BrokenSample_IsRejected(string file)
    {
        Validate(Path.Combine(AppContext.BaseDirectory, "Corpus", "broken", file)).IsValid.Should().BeFalse();
    }

    private static EvaluationResults Validate(string path)
    {
        var schema = Schema.Value;
        var context = new LoadContext(RuleLoaderOptions.Default);
        var root = YamlSyntaxReader.Read(path, File.ReadAllBytes(path), context, out _);
        root.Should().NotBeNull();
        using var document = JsonDocument.Parse(ToJson(root!)!.ToJsonString());
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>
    /// YAML as an editor's schema check sees it (the YAML 1.2 core schema): plain null/~/nothing is null, plain
    /// true/false (any of the three casings) are booleans, plain whole numbers and decimals are numbers.
    /// </summary>
    private static JsonNode? ToJson(SyntaxNode node) => node switch
    {
        MappingSyntax mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        SequenceSyntax sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        ScalarSyntax { IsNull: true } => null,
        ScalarSyntax { IsPlain: true, Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        ScalarSyntax { IsPlain: true, Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        ScalarSyntax { IsPlain: true } number when Regex.IsMatch(number.Value, "^[-+]?[0-9]+$") => JsonValue.Create(decimal.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture)),
        ScalarSyntax { IsPlain: true } number when Regex.IsMatch(number.Value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$") => JsonValue.Create(double.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture)),
        ScalarSyntax scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
