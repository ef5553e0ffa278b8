using System.Text.Json;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>
/// The System.Text.Json settings that read fact records: those of the JSON facts format (EngagementJson,
/// docs/facts-json.md: enums by name, NodaTime values in ISO form, VINs as text, unknown fields rejected), with
/// field names matched case-insensitively so that tests may write them as in C# (<c>CustomerId</c>) or as in
/// JSON (<c>customerId</c>).
/// </summary>
internal static class FactJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(EngagementJson.CreateOptions()) { PropertyNameCaseInsensitive = true };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
