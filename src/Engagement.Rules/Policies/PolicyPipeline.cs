using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Policies;

/// <summary>
/// Turns a customer's proposals into decisions, suppressions and holdouts by applying the policies in their
/// documented order. Pure: it needs no rule session, so it is tested on proposal lists directly.
/// </summary>
internal static class PolicyPipeline
{
    /// <summary>The policies, in the order they are applied (docs/policies.md).</summary>
    public static IReadOnlyList<IProposalPolicy> Policies { get; } =
    [
        new ProposalValidationPolicy(),
        new StopConditionPolicy(),
        new SuppressionPolicy(),
        new ConsentPolicy(),
        new QuietHoursPolicy(),
        new ExpiryPolicy(),
        new FrequencyAndArbitrationPolicy(),
        new HoldoutPolicy(),
    ];

    public static EngagementResult Run(IEnumerable<TouchProposal> proposals, PolicyInput input, IEnumerable<EngagementDiagnostic>? diagnostics = null)
    {
        // A stable order independent of rule firing order: the same facts give the same result.
        var candidates = proposals
            .Select(p => (Proposal: p, Key: IdempotencyKeys.For(p)))
            .OrderBy(p => p.Proposal.RuleId ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.Proposal.Topic ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.Proposal.DueOn)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select((p, i) => new Candidate(p.Proposal, p.Key, i))
            .ToList();
        var run = new PolicyRun(input, candidates);
        run.Diagnostics.AddRange(diagnostics ?? []);
        foreach (var policy in Policies)
        {
            policy.Apply(run);
        }

        var decisions = run.Active
            .OrderBy(c => c.DueAt)
            .ThenBy(c => c.Proposal.Class)
            .ThenByDescending(c => c.Proposal.Priority)
            .ThenBy(c => c.Proposal.Topic, StringComparer.Ordinal)
            .ThenBy(c => c.Proposal.RuleId, StringComparer.Ordinal)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => ToDecision(c, input))
            .ToArray();
        var stopped = run.Stopped.OrderBy(s => s.Candidate.Order).ToList();
        return new EngagementResult
        {
            CustomerId = input.Customer.CustomerId,
            EvaluatedAt = input.Now,
            Decisions = decisions,
            Suppressed = stopped.Where(s => s.Reason != SuppressionReason.HeldOut).Select(s => ToSuppressed(s.Candidate, s.Reason)).ToArray(),
            HeldOut = stopped.Where(s => s.Reason == SuppressionReason.HeldOut).Select(s => ToSuppressed(s.Candidate, s.Reason)).ToArray(),
            Diagnostics = run.Diagnostics.ToArray(),
        };
    }

    private static TouchDecision ToDecision(Candidate candidate, PolicyInput input)
    {
        var proposal = candidate.Proposal;
        return new TouchDecision
        {
            Kind = proposal.Kind,
            Class = proposal.Class,
            Topic = proposal.Topic,
            CustomerId = proposal.CustomerId,
            Vin = proposal.Vin,
            Channel = candidate.Channel!.Value,
            DueAt = candidate.DueAt,
            DueLocal = candidate.DueAt.InZone(input.Zone),
            ExpiresAt = candidate.ExpiresAt,
            Personalisation = proposal.Personalisation,
            Priority = proposal.Priority,
            RuleId = proposal.RuleId,
            IdempotencyKey = candidate.Key,
            Explanation = Explain(candidate),
        };
    }

    private static SuppressedTouch ToSuppressed(Candidate candidate, SuppressionReason reason)
        => new(candidate.Proposal, reason, candidate.Key, Explain(candidate));

    private static DecisionExplanation Explain(Candidate candidate) => new()
    {
        RuleId = candidate.Proposal.RuleId ?? string.Empty,
        Reason = candidate.Proposal.Reason ?? string.Empty,
        MatchedFacts = (candidate.Proposal.MatchedFacts ?? []).Where(f => f is not null).Select(Describe).ToArray(),
        Evidence = candidate.Proposal.Evidence ?? new Dictionary<string, string>(),
        Steps = candidate.Steps.ToArray(),
    };

    /// <summary>Names a fact by type and identity: the id part of an <see cref="IFactIdentity"/>, else its text.</summary>
    internal static FactReference Describe(object fact)
    {
        var type = fact.GetType().Name;

        // The evaluator's own facts have no identity and a long record text: name them compactly.
        if (fact is Evaluation.EvaluationContext context)
        {
            return new FactReference(type, $"{Text.Local(context.LocalNow.LocalDateTime)} {context.Zone.Id}");
        }

        if (fact is TouchProposal proposal)
        {
            return new FactReference(type, $"{proposal.RuleId}/{proposal.Topic}/{Text.Date(proposal.DueOn)}");
        }

        if (fact is IFactIdentity { FactIdentity: var identity })
        {
            if (identity is ITuple tuple && tuple.Length > 1 && Equals(tuple[0], type))
            {
                var parts = new List<string>();
                for (var i = 1; i < tuple.Length; i++)
                {
                    parts.Add(Convert.ToString(tuple[i], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }

                return new FactReference(type, string.Join("/", parts));
            }

            return new FactReference(type, Convert.ToString(identity, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return new FactReference(type, Convert.ToString(fact, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
    }
}
