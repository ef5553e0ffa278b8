using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;
using Json.Schema;

namespace Engagement.Rules.Tests.Serialization;

public class FactsJsonSchemaTest
{
    // JsonSchema.Net registers a schema by its $id once per process: load it once.
    private static readonly Lazy<JsonSchema> Committed = new(() => JsonSchema.FromText(File.ReadAllText(RepositoryFiles.PathOf("schemas", "facts.schema.json"))));

    [Test]
    public void Facts_CommittedSchema_IsTheGeneratedOne()
    {
        var path = RepositoryFiles.PathOf("schemas", "facts.schema.json");
        var generated = FactsJsonSchema.Facts();
        if (RepositoryFiles.Update)
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).Should().Be(generated, "schemas/facts.schema.json is generated from the records: run the tests with UPDATE_SCHEMAS=1 and commit the result");
    }

    [Test]
    public void Dealerships_CommittedSchema_IsTheGeneratedOne()
    {
        var path = RepositoryFiles.PathOf("schemas", "dealerships.schema.json");
        var generated = FactsJsonSchema.Dealerships();
        if (RepositoryFiles.Update)
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).Should().Be(generated);
    }

    [Test]
    public void Facts_EveryFactType_HasEverySettablePropertyWithACompatibleType()
    {
        var schema = JsonNode.Parse(FactsJsonSchema.Facts())!;
        var variants = schema["properties"]!["facts"]!["items"]!["anyOf"]!.AsArray();
        schema["properties"]!["facts"]!["items"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("type");

        foreach (var type in DealershipFactTypes.All)
        {
            var variant = variants.Single(v => v!["properties"]!["type"]!["const"]!.GetValue<string>() == type.Name)!;
            variant["additionalProperties"]!.GetValue<bool>().Should().BeFalse($"{type.Name} rejects unknown properties");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var node = Resolve(variant["properties"]![name], schema);
                node.Should().NotBeNull($"{type.Name}.{property.Name} is in the schema");
                JsonTypes(node!).Should().Contain(ExpectedJsonType(property.PropertyType), $"{type.Name}.{property.Name} has a compatible type");
            }

            var required = variant["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? [];
            var requiredMembers = type.GetProperties().Where(p => p.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute")).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
            required.Should().BeEquivalentTo(requiredMembers, $"{type.Name}'s required members are required");
        }
    }

    [Test]
    public void Facts_SampleLinesAndFixtures_AreValid()
    {
        var schema = Committed.Value;
        // Every 40th line (10 customers across the set) and the fixture with every optional field.
        var lines = File.ReadLines(RepositoryFiles.PathOf("samples", "data", "customers.jsonl")).Where((_, i) => i % 40 == 0).Append(JsonFixtures.Document(JsonFixtures.CustomerFacts()));

        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            if (!schema.Evaluate(document.RootElement).IsValid)
            {
                var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                Assert.Fail(string.Join("; ", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
            }
        }
    }

    [Test]
    public void Facts_Typo_IsInvalid()
    {
        var schema = Committed.Value;
        using var document = JsonDocument.Parse(JsonFixtures.MinimalLine("C-1", "{\"type\":\"Vehicle\",\"vin\":\"1HGCM82633A004352\",\"ownerCustomerId\":\"C-1\",\"make\":\"Honda\",\"modle\":\"Accord\",\"modelYear\":2023}"));

        schema.Evaluate(document.RootElement).IsValid.Should().BeFalse();
    }

    [TestCase("\"status\":\"Granted\"", false)]
    [TestCase("\"status\":\"Granted\",\"basis\":null", false)]
    [TestCase("\"status\":\"Granted\",\"basis\":\"ImpliedByInquiry\"", true)]
    [TestCase("\"status\":\"Withdrawn\"", true)]
    public void Facts_ConsentBasis_RequiredForAGrantOnly(string statusAndBasis, bool valid)
    {
        var schema = Committed.Value;
        var consent = "\"consents\":[{\"channel\":\"Email\",\"purpose\":\"Marketing\",\"at\":\"2025-01-01T00:00:00Z\"," + statusAndBasis + "}]";
        using var document = JsonDocument.Parse(JsonFixtures.MinimalLine("C-1").Replace("\"timeZoneId\":\"America/Chicago\"},", "\"timeZoneId\":\"America/Chicago\"," + consent + "},", StringComparison.Ordinal));

        schema.Evaluate(document.RootElement).IsValid.Should().Be(valid);
    }

    // The exporter writes a type met again as {"$ref": "#/json/pointer"} to its first occurrence.
    private static JsonNode? Resolve(JsonNode? node, JsonNode root)
    {
        if (node?["$ref"] is not JsonValue reference)
        {
            return node;
        }

        var target = root;
        foreach (var step in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
        {
            target = target is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : target[step]!;
        }

        return target;
    }

    private static string[] JsonTypes(JsonNode node) => node["type"] switch
    {
        JsonArray types => [.. types.Select(t => t!.GetValue<string>())],
        JsonValue type => [type.GetValue<string>()],
        _ => node["enum"] is not null ? ["string"] : [],
    };

    private static string ExpectedJsonType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(decimal) || type == typeof(double) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(BusinessHours) => "array",
            _ when type.IsEnum || type == typeof(string) || type.IsValueType => "string",
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IReadOnlyList<>) => "array",
            _ => "object",
        };
    }
}
