using System.Collections.Generic;
using System.Text.Json.Serialization;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>The shared dealership settings file: <c>{"dealerships": [...]}</c>.</summary>
internal sealed class DealershipSettings
{
    /// <summary>An optional link to the JSON Schema (e.g. <c>"../schemas/dealerships.schema.json"</c>) for editors; not used.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The dealerships, referred to from facts lines by <c>dealershipId</c>.</summary>
    public required IReadOnlyList<Dealership> Dealerships { get; init; }
}
