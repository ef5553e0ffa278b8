using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Turns a customer's proposals into decisions, suppressions and holdouts by applying the policies in their
/// documented order. Pure: it needs no rule session, so it is tested on proposal lists directly.
/// </summary>
internal static class PolicyPipeline
{
    /// <summary>The policies, in the order they are applied (docs/policies.md).</summary>
    public static IReadOnlyList<IProposalPolicy> Policies => Ordered;

    // An array walked by index: a foreach over the interface would allocate an enumerator per evaluation.
    private static readonly IProposalPolicy[] Ordered =
    [
        new ProposalValidationPolicy(),
        new StopConditionPolicy(),
        new SuppressionPolicy(),
        new ConsentPolicy(),
        new QuietHoursPolicy(),
        new ConsentLapsePolicy(),
        new ExpiryPolicy(),
        new FrequencyAndArbitrationPolicy(),
        new HoldoutPolicy(),
    ];

    public static EngagementResult Run(IEnumerable<TouchProposal> proposals, PolicyInput input, IEnumerable<EngagementDiagnostic>? diagnostics = null, string? ruleSetFingerprint = null)
    {
        // A stable order independent of rule firing order: the same facts give the same result.
        List<Candidate> candidates;
        if (proposals is IReadOnlyList<TouchProposal> list)
        {
            candidates = new List<Candidate>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                candidates.Add(new Candidate(list[i], IdempotencyKeys.For(list[i]), i));
            }
        }
        else
        {
            candidates = new List<Candidate>(4);
            foreach (var proposal in proposals)
            {
                candidates.Add(new Candidate(proposal, IdempotencyKeys.For(proposal), candidates.Count));
            }
        }

        if (candidates.Count == 0)
        {
            // No policy has anything to do (none reports a diagnostic without a candidate): the customer's facts are
            // never read, nor the explanations' fact references made.
            return new EngagementResult
            {
                CustomerId = input.Customer.CustomerId,
                EvaluatedAt = input.Now,
                Decisions = [],
                Suppressed = [],
                HeldOut = [],
                Diagnostics = diagnostics is null ? [] : diagnostics.ToArray(),
                RuleSetFingerprint = ruleSetFingerprint,
            };
        }

        candidates.Sort(ProposalOrder);
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i].Order = i;
        }

        var run = new PolicyRun(input, candidates);
        if (diagnostics is not null)
        {
            run.Diagnostics.AddRange(diagnostics);
        }

        foreach (var policy in Ordered)
        {
            policy.Apply(run);
        }

        var facts = new FactReferences();
        var active = run.Active;
        TouchDecision[] decisions = [];
        if (active.Count > 0)
        {
            run.SortActive(DecisionOrder);
            decisions = new TouchDecision[active.Count];
            for (var i = 0; i < decisions.Length; i++)
            {
                decisions[i] = ToDecision(active[i], input, facts);
            }
        }

        // Reported in proposal order (orders are unique, so the sort needs no tie-break).
        var stopped = run.Stopped;
        stopped.Sort(static (x, y) => x.Candidate.Order.CompareTo(y.Candidate.Order));
        var heldOutCount = 0;
        foreach (var (_, reason) in stopped)
        {
            heldOutCount += reason == SuppressionReason.HeldOut ? 1 : 0;
        }

        SuppressedTouch[] suppressed = stopped.Count == heldOutCount ? [] : new SuppressedTouch[stopped.Count - heldOutCount];
        SuppressedTouch[] heldOut = heldOutCount == 0 ? [] : new SuppressedTouch[heldOutCount];
        int s = 0, h = 0;
        foreach (var (candidate, reason) in stopped)
        {
            if (reason == SuppressionReason.HeldOut)
            {
                heldOut[h++] = ToSuppressed(candidate, reason, facts);
            }
            else
            {
                suppressed[s++] = ToSuppressed(candidate, reason, facts);
            }
        }

        return new EngagementResult
        {
            CustomerId = input.Customer.CustomerId,
            EvaluatedAt = input.Now,
            Decisions = decisions,
            Suppressed = suppressed,
            HeldOut = heldOut,
            Diagnostics = run.DiagnosticsIfAny is { Count: > 0 } reported ? reported.ToArray() : [],
            RuleSetFingerprint = ruleSetFingerprint,
        };
    }

    // Rule id, topic, due day, key (ordinal), then arrival, as a stable sort would keep it.
    private static int ProposalOrder(Candidate x, Candidate y)
    {
        var c = string.CompareOrdinal(x.Proposal.RuleId ?? string.Empty, y.Proposal.RuleId ?? string.Empty);
        c = c != 0 ? c : string.CompareOrdinal(x.Proposal.Topic ?? string.Empty, y.Proposal.Topic ?? string.Empty);
        c = c != 0 ? c : x.Proposal.DueOn.CompareTo(y.Proposal.DueOn);
        c = c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
        return c != 0 ? c : x.Order.CompareTo(y.Order);
    }

    // Due instant, class, priority (higher first), topic, rule id, key, then proposal order (the order of Active).
    private static int DecisionOrder(Candidate x, Candidate y)
    {
        var c = x.DueAt.CompareTo(y.DueAt);
        c = c != 0 ? c : ((int)x.Proposal.Class).CompareTo((int)y.Proposal.Class); // as ints: Enum.CompareTo(object) boxes
        c = c != 0 ? c : y.Proposal.Priority.CompareTo(x.Proposal.Priority);
        c = c != 0 ? c : string.CompareOrdinal(x.Proposal.Topic, y.Proposal.Topic);
        c = c != 0 ? c : string.CompareOrdinal(x.Proposal.RuleId, y.Proposal.RuleId);
        c = c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
        return c != 0 ? c : x.Order.CompareTo(y.Order);
    }

    private static TouchDecision ToDecision(Candidate candidate, PolicyInput input, FactReferences facts)
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
            Explanation = Explain(candidate, facts),
        };
    }

    private static SuppressedTouch ToSuppressed(Candidate candidate, SuppressionReason reason, FactReferences facts)
        => new(candidate.Proposal, reason, candidate.Key, Explain(candidate, facts));

    private static DecisionExplanation Explain(Candidate candidate, FactReferences facts) => new()
    {
        RuleId = candidate.Proposal.RuleId ?? string.Empty,
        Reason = candidate.Proposal.Reason ?? string.Empty,
        MatchedFacts = facts.Describe(candidate.Proposal.MatchedFacts),
        Evidence = candidate.Proposal.Evidence ?? new Dictionary<string, string>(),
        // The candidate's own array: nothing adds to it once the policies are done.
        Steps = candidate.Steps ?? [],
    };

    /// <summary>Names a fact by type and identity: the id part of an <see cref="IFactIdentity"/>, else its text.</summary>
    internal static FactReference Describe(object fact)
    {
        var type = fact.GetType().Name;

        // The evaluator's own facts have no identity and a long record text: name them compactly.
        if (fact is Evaluation.EvaluationContext context)
        {
            return new FactReference(type, $"{TextValue.Local(context.LocalNow.LocalDateTime)} {context.Zone.Id}");
        }

        if (fact is TouchProposal proposal)
        {
            return new FactReference(type, $"{proposal.RuleId}/{proposal.Topic}/{TextValue.Date(proposal.DueOn)}");
        }

        if (fact is IFactIdentity { FactIdentity: var identity })
        {
            if (identity is ITuple tuple && tuple.Length > 1 && Equals(tuple[0], type))
            {
                if (tuple.Length == 2)
                {
                    return new FactReference(type, Convert.ToString(tuple[1], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }

                var parts = new string[tuple.Length - 1];
                for (var i = 1; i < tuple.Length; i++)
                {
                    parts[i - 1] = Convert.ToString(tuple[i], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }

                return new FactReference(type, string.Join("/", parts));
            }

            return new FactReference(type, Convert.ToString(identity, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return new FactReference(type, Convert.ToString(fact, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
    }
}
