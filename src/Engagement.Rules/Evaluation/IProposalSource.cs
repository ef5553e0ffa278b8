using System.Collections.Generic;
using System.Threading;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Evaluation;

/// <summary>Where proposals come from: the rule session in production, a fixed list in tests of the policies.</summary>
internal interface IProposalSource
{
    IReadOnlyList<TouchProposal> Propose(CustomerFacts facts, EvaluationContext context, CancellationToken cancellationToken);
}
