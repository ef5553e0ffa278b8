using System;
using Engagement.Rules.Policies.Pipeline;

namespace Engagement.Rules.Decisions;

/// <summary>A fact named in an explanation, by its type and identity.</summary>
/// <param name="Type">The fact's type name, e.g. <c>Vehicle</c>.</param>
/// <param name="Identity">The fact's identity as text, e.g. its id or VIN.</param>
public sealed record FactReference(string Type, string Identity)
{
    /// <summary>
    /// Names a fact as decision explanations do (<see cref="DecisionExplanation.MatchedFacts"/>): its type and the id
    /// part of its <see cref="Engine.IFactIdentity"/> (<c>Vehicle 1HGCM82633A004352</c>), else its text; for a tool
    /// that shows other facts (a rule's matches, say) in the same words.
    /// </summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The reference.</returns>
    public static FactReference Of(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return PolicyPipeline.Describe(fact);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Identity}";
}
