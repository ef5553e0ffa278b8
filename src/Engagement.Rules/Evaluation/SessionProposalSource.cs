using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Telemetry;

namespace Engagement.Rules.Evaluation;

/// <summary>
/// Runs the rules for one customer: a fresh session over the shared compiled rule set, the evaluation context,
/// the customer, the dealership and the other facts; fire; the proposals the rules inserted.
/// </summary>
internal sealed class SessionProposalSource(CompiledRuleSet rules, SessionOptions? sessions = null, EngagementTelemetry? telemetry = null) : IProposalSource
{
    public string? RuleSetFingerprint => rules.Fingerprint;

    public IReadOnlyList<TouchProposal> Propose(CustomerFacts facts, EvaluationContext context, CancellationToken cancellationToken)
    {
        using var session = rules.CreateSession(sessions);
        telemetry?.Instruments.Observe(session);
        session.InsertAll(new SessionFacts(context, facts));
        session.Fire(cancellationToken);

        // A cancelled Fire stops quietly: its proposals would be partial, so they must not reach the policies.
        cancellationToken.ThrowIfCancellationRequested();
        // Query hands out a fresh snapshot (an array): no second copy.
        var proposals = session.Query<TouchProposal>();
        return proposals as IReadOnlyList<TouchProposal> ?? proposals.ToArray();
    }
}
