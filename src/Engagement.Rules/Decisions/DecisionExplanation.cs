using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Decisions;

/// <summary>Why a touch was decided (or suppressed): the rule, its reason and evidence, and every policy step.</summary>
public sealed record DecisionExplanation
{
    /// <summary>The id of the rule that proposed the touch.</summary>
    public required string RuleId { get; init; }

    /// <summary>The rule's reason, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>The facts the rule matched.</summary>
    public required IReadOnlyList<FactReference> MatchedFacts { get; init; }

    /// <summary>The values that made the rule's conditions true, by name.</summary>
    public required IReadOnlyDictionary<string, string> Evidence { get; init; }

    /// <summary>The policy steps that changed or stopped the touch, in the order they were applied.</summary>
    public required IReadOnlyList<PolicyStep> Steps { get; init; }

    /// <summary>The explanation as readable lines.</summary>
    /// <returns>One line for the rule, one per matched fact, evidence value and policy step.</returns>
    public IEnumerable<string> ToLines()
    {
        yield return $"rule {RuleId}: {Reason}";
        foreach (var fact in MatchedFacts)
        {
            yield return $"  matched {fact}";
        }

        foreach (var pair in Evidence.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            yield return $"  evidence {pair.Key} = {pair.Value}";
        }

        foreach (var step in Steps)
        {
            yield return $"  {step}";
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(System.Environment.NewLine, ToLines());
}
