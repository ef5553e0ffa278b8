using System.Collections.Generic;
using System.Text.Json.Serialization;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>One customer and their facts: a JSON document, or one line of a JSON Lines stream.</summary>
internal sealed class FactsEnvelope
{
    /// <summary>An optional link to the JSON Schema (e.g. <c>"../schemas/facts.schema.json"</c>) for editors; not used.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The customer.</summary>
    public required Customer Customer { get; init; }

    /// <summary>The dealership, embedded; or null when <see cref="DealershipId"/> refers to the settings.</summary>
    public Dealership? Dealership { get; init; }

    /// <summary>The id of a dealership in the shared settings; or null when <see cref="Dealership"/> is embedded.</summary>
    public string? DealershipId { get; init; }

    /// <summary>The customer's other facts, each with its <c>type</c>.</summary>
    public IReadOnlyList<IFactIdentity> Facts { get; init; } = [];
}
