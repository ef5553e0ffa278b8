using System.Collections.Generic;
using System.Threading;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Evaluation;

/// <summary>Where proposals come from: the rule session in production, a fixed list in tests of the policies.</summary>
internal interface IProposalSource
{
    /// <summary>The identity of the rules that propose (<see cref="Engine.CompiledRuleSet.Fingerprint"/>), copied onto every result; null for none.</summary>
    string? RuleSetFingerprint { get; }

    IReadOnlyList<TouchProposal> Propose(CustomerFacts facts, EvaluationContext context, CancellationToken cancellationToken);
}
