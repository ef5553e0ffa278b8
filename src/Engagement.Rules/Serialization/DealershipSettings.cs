using System.Collections.Generic;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>The shared dealership settings file: <c>{"dealerships": [...]}</c>.</summary>
internal sealed class DealershipSettings
{
    /// <summary>The dealerships, referred to from facts lines by <c>dealershipId</c>.</summary>
    public required IReadOnlyList<Dealership> Dealerships { get; init; }
}
