using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using NodaTime;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <summary>
/// The rules step of an evaluation, through the public API only: what the evaluator does before its policies
/// (a session over the compiled pack; the evaluation context, the customer, the dealership and the other facts;
/// fire; the proposals), so that it can be compared with the hand-written pack at proposal level.
/// </summary>
internal static class EngineProposals
{
    public static TouchProposal[] Propose(CompiledRuleSet rules, CustomerFacts facts, Instant now)
    {
        var customer = facts.Customer;
        using var session = rules.CreateSession();
        session.Insert(new EvaluationContext(now, customer.TimeZone ?? facts.Dealership.TimeZone));
        session.Insert(customer);
        session.Insert(facts.Dealership);
        session.InsertAll(facts.Facts);
        session.Fire();
        return session.Query<TouchProposal>().ToArray();
    }
}
