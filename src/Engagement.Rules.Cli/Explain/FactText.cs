using Engagement.Rules.Chaining;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Cli.Explain;

/// <summary>Names a matched fact compactly (type and identity) for explanations.</summary>
internal static class FactText
{
    public static string Describe(object fact) => fact switch
    {
        Customer c => $"Customer {c.CustomerId}",
        Dealership d => $"Dealership {d.DealershipId}",
        Vehicle v => $"Vehicle {v.Vin}",
        EvaluationContext e => $"EvaluationContext {e.LocalNow.LocalDateTime:uuuu-MM-dd HH:mm} {e.Zone.Id}",
        TouchProposal p => $"TouchProposal {p.RuleId}/{p.Topic}",
        Signal s => $"Signal {s.Name}",
        // Named as decision explanations name it (a repair order by its id, ...); a fact without identity by its type only, not its whole text.
        IFactIdentity => FactReference.Of(fact).ToString(),
        _ => fact.GetType().Name,
    };
}
