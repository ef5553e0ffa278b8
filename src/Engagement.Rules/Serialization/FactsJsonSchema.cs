using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Serialization;

/// <summary>
/// Generates the JSON Schemas (draft 2020-12) of the facts document/line and of the dealership settings from the
/// serializer's own contract, so they cannot drift from what the reader accepts. schemas/*.schema.json are these
/// outputs; a test regenerates and compares them.
/// </summary>
internal static class FactsJsonSchema
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema of one customer's facts (a document, or one JSON Lines line).</summary>
    public static string Facts() => Generate(
        typeof(FactsEnvelope),
        "https://engagement-rules.example/schemas/facts.schema.json",
        "Engagement.Rules customer facts",
        "One customer and their facts: a JSON document, or one line of a JSON Lines file. Give the dealership embedded (\"dealership\") or by id (\"dealershipId\") in the dealership settings. Each fact names its type in \"type\". See docs/facts-json.md.");

    /// <summary>The schema of the shared dealership settings file.</summary>
    public static string Dealerships() => Generate(
        typeof(DealershipSettings),
        "https://engagement-rules.example/schemas/dealerships.schema.json",
        "Engagement.Rules dealership settings",
        "The dealerships that facts lines name by \"dealershipId\". See docs/facts-json.md.");

    private static string Generate(Type type, string id, string title, string description)
    {
        var options = new JsonSerializerOptions(EngagementJson.CreateOptions()) { RespectNullableAnnotations = true };
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };
        var schema = (JsonObject)options.GetJsonSchemaAsNode(type, exporter);
        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = id,
            ["title"] = title,
            ["description"] = description,
        };
        foreach (var (name, value) in schema.ToArray())
        {
            schema.Remove(name);
            root[name] = value;
        }

        if (type == typeof(FactsEnvelope))
        {
            // Exactly one of the two ways to give the dealership.
            root["oneOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("dealership") }, new JsonObject { ["required"] = new JsonArray("dealershipId") });
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    // Types with their own converters are opaque to the exporter: describe their JSON form here.
    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        var nullable = type != context.TypeInfo.Type || (!type.IsValueType && context.PropertyInfo is { IsSetNullable: true });
        if (type == typeof(ConsentRecord) && schema is JsonObject consent)
        {
            // A grant must say its basis (Customer.Consents); the exporter sees only an optional, nullable property.
            consent["if"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["status"] = new JsonObject { ["const"] = nameof(ConsentStatus.Granted) } },
                ["required"] = new JsonArray("status"),
            };
            consent["then"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["basis"] = new JsonObject { ["type"] = "string" } },
                ["required"] = new JsonArray("basis"),
            };
            return consent;
        }

        JsonObject? replacement = type switch
        {
            _ when type == typeof(Vin) => Text("^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$", "A VIN: 17 characters A-Z (no I, O, Q) and 0-9; North-American VINs (first character 1-5) need a correct check digit."),
            _ when type == typeof(LocalDate) => new JsonObject { ["type"] = "string", ["format"] = "date", ["description"] = "An ISO date, e.g. 2026-03-01." },
            _ when type == typeof(Instant) => new JsonObject { ["type"] = "string", ["format"] = "date-time", ["pattern"] = "Z$", ["description"] = "An ISO instant in UTC, e.g. 2026-03-01T10:00:00Z." },
            _ when type == typeof(AnnualDate) => Text("^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", "A month and day, MM-dd, e.g. 02-29."),
            _ when type == typeof(LocalTime) => Text("^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?$", "A time of day, HH:mm:ss, e.g. 07:30:00."),
            _ when type == typeof(Decisions.TouchKind) => Text("^[a-z0-9-]+$", "A touch kind: lower-case letters, digits and dashes, e.g. reminder."),
            _ when type == typeof(BusinessHours) => new JsonObject
            {
                ["type"] = "array",
                ["description"] = "One entry per open day; days not listed are closed.",
                ["items"] = Plain(typeof(OpeningHours)),
            },
            _ when type.IsEnum => Names(type, nullable),
            _ when ValueRecordConverterFactory.IsValueRecord(type) => Plain(type),

            // The exporter drops the items of a list whose items are opaque to it (IReadOnlyList<OdometerReading>,
            // IReadOnlyList<ContactChannel>).
            _ when type.IsGenericType && type.GetGenericArguments() is [var item] && ValueRecordConverterFactory.IsValueRecord(item) => new JsonObject
            {
                ["type"] = "array",
                ["items"] = Plain(item),
            },
            _ when type.IsGenericType && type.GetGenericArguments() is [{ IsEnum: true } item] => new JsonObject
            {
                ["type"] = "array",
                ["items"] = Names(item, nullable: false),
            },
            _ => null,
        };

        if (replacement is null)
        {
            return schema;
        }

        if (nullable && replacement["type"] is JsonValue)
        {
            replacement["type"] = new JsonArray(replacement["type"]!.GetValue<string>(), "null");
        }

        return replacement;
    }

    // Enums are read by StrictEnumConverterFactory: one of the member names (null too for a nullable enum).
    private static JsonObject Names(Type type, bool nullable)
    {
        var names = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        if (nullable)
        {
            names.Add(null);
        }

        return new JsonObject { ["enum"] = names };
    }

    private static JsonObject Text(string pattern, string description) => new() { ["type"] = "string", ["pattern"] = pattern, ["description"] = description };

    // A value record read by its constructor: its members' schema without the converter that hides them.
    private static JsonObject Plain(Type type)
    {
        var options = new JsonSerializerOptions(EngagementJson.CreateOptions()) { RespectNullableAnnotations = true };
        var factory = options.Converters.OfType<ValueRecordConverterFactory>().Single();
        options.Converters.Remove(factory);
        return (JsonObject)options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) => context.TypeInfo.Type == type ? schema : Transform(context, schema),
        });
    }
}
