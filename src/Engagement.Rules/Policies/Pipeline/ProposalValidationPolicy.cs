using System;
using System.Collections.Generic;
using System.Globalization;
using Engagement.Rules.Decisions;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// First step: proposals for another customer or about a vehicle not among the customer's facts are invalid;
/// a due day too close to the end of the calendar for the contact-time search is invalid; a relationship touch
/// may not carry an offer; an occurrence already sent (its key is a TouchSent id) goes once. An occurrence proposed
/// twice (by two matches of one rule) is one touch when both proposals are alike but for their explanation, the
/// first's explanation kept; a second that differs is suppressed as <see cref="SuppressionReason.AlreadySent"/>.
/// </summary>
internal sealed class ProposalValidationPolicy : IProposalPolicy
{
    public string Name => "validation";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var active = run.Active;

        // The candidates before index i that are still active passed: the duplicate check looks there (or in a map when there are many).
        Dictionary<string, Candidate>? seen = active.Count > 16 ? new Dictionary<string, Candidate>(StringComparer.Ordinal) : null;
        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            var proposal = candidate.Proposal;
            var count = active.Count;
            if (Malformed(proposal) is { } problem)
            {
                var message = $"rule '{proposal.RuleId}' proposed a malformed touch: {problem}";
                run.Diagnostics.Add(new EngagementDiagnostic(EngagementDiagnosticCode.InvalidProposal, message));
                run.Stop(candidate, SuppressionReason.InvalidProposal, Name, message);
            }
            else if (!string.Equals(proposal.CustomerId, input.Customer.CustomerId, StringComparison.Ordinal))
            {
                var message = $"rule {proposal.RuleId} proposed '{proposal.Topic}' for customer '{proposal.CustomerId}' while evaluating customer '{input.Customer.CustomerId}'";
                run.Diagnostics.Add(new EngagementDiagnostic(EngagementDiagnosticCode.InvalidProposal, message));
                run.Stop(candidate, SuppressionReason.InvalidProposal, Name, message);
            }
            else if (proposal.Vin is { } vin && input.FindVehicle(vin) is null)
            {
                var message = $"rule {proposal.RuleId} proposed '{proposal.Topic}' about vehicle {vin}, which is not among customer '{input.Customer.CustomerId}''s vehicles";
                run.Diagnostics.Add(new EngagementDiagnostic(EngagementDiagnosticCode.InvalidProposal, message));
                run.Stop(candidate, SuppressionReason.InvalidProposal, Name, message);
            }
            else if (DueOutOfRange(proposal, input.Options.QuietHours.SearchHorizonDays) is { } outOfRange)
            {
                run.Diagnostics.Add(new EngagementDiagnostic(EngagementDiagnosticCode.InvalidProposal, outOfRange));
                run.Stop(candidate, SuppressionReason.InvalidProposal, Name, outOfRange);
            }
            else if (proposal.Class == TouchClass.Relationship && proposal.Kind == TouchKind.Offer)
            {
                run.Stop(candidate, SuppressionReason.NotAllowedForClass, Name, "a relationship touch may not carry an offer; propose it as a marketing touch");
            }
            else if (Sent(input.History, candidate.Key) is { } sent)
            {
                run.Stop(candidate, SuppressionReason.AlreadySent, Name, $"this occurrence was already sent: TouchSent {sent.TouchId} at {TextValue.Instant(sent.SentAt)}");
            }
            else if ((seen is null ? PassedBefore(active, i, candidate.Key) : seen.GetValueOrDefault(candidate.Key)) is { } first)
            {
                if (SameTouch(first.Proposal, proposal))
                {
                    // Another match of the rule (an 'any' whose alternatives both hold, a second fact joined) proposing
                    // the very same touch: one touch, explained by the facts of the first.
                    run.Drop(candidate);
                }
                else
                {
                    run.Stop(candidate, SuppressionReason.AlreadySent, Name, $"the same occurrence (key {candidate.Key}) was proposed twice in this evaluation, differently; the first proposal stands");
                }
            }
            else
            {
                seen?.Add(candidate.Key, candidate);
            }

            if (active.Count < count)
            {
                i--;
            }
        }
    }

    // A due day after the latest the contact-time search can start from would overflow NodaTime (9999-12-31 is a
    // DMS's usual "no end date").
    private static string? DueOutOfRange(TouchProposal proposal, int horizonDays)
    {
        var latest = EvaluationRange.LatestDueDay(horizonDays);
        return proposal.DueOn <= latest
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"rule {proposal.RuleId}: due {TextValue.Date(proposal.DueOn)} is out of range: the contact-time search looks up to {horizonDays} days past the due day, and the latest due day it can search from is {TextValue.Date(latest)}");
    }

    private static Candidate? PassedBefore(List<Candidate> active, int index, string key)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(active[j].Key, key, StringComparison.Ordinal))
            {
                return active[j];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether two proposals of one occurrence (same key: rule, customer, vehicle, topic, due day) are the same touch:
    /// all that is sent is alike; only the explanation (reason, matched facts, evidence) may differ.
    /// </summary>
    private static bool SameTouch(TouchProposal a, TouchProposal b)
    {
        if (a.Kind != b.Kind || a.Class != b.Class || a.Channel != b.Channel || a.PreferredTime != b.PreferredTime
            || a.ExpiresOn != b.ExpiresOn || a.Priority != b.Priority || a.Personalisation.Count != b.Personalisation.Count)
        {
            return false;
        }

        foreach (var (name, value) in a.Personalisation)
        {
            if (!b.Personalisation.TryGetValue(name, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Touch ids are unique among a customer's facts (CustomerFacts rejects two facts with one identity).
    private static TouchSent? Sent(TouchSent[] history, string key)
    {
        for (var i = 0; i < history.Length; i++)
        {
            if (string.Equals(history[i].TouchId, key, StringComparison.Ordinal))
            {
                return history[i];
            }
        }

        return null;
    }

    // Rules compiled from text may build proposals the C# 'required' checks never saw.
    private static string? Malformed(TouchProposal proposal)
    {
        if (string.IsNullOrWhiteSpace(proposal.RuleId))
        {
            return "RuleId is missing";
        }

        if (string.IsNullOrWhiteSpace(proposal.Topic))
        {
            return "Topic is missing";
        }

        if (string.IsNullOrWhiteSpace(proposal.CustomerId))
        {
            return "CustomerId is missing";
        }

        if (proposal.Kind.Name is null)
        {
            return "Kind is missing";
        }

        if (!Enum.IsDefined(proposal.Class))
        {
            return $"Class {(int)proposal.Class} is not a touch class";
        }

        if (proposal.Channel is { } channel && !Enum.IsDefined(channel))
        {
            return $"Channel {(int)channel} is not a contact channel";
        }

        if (proposal.Personalisation is null || proposal.Evidence is null || proposal.MatchedFacts is null || proposal.Reason is null)
        {
            return "Personalisation, Evidence, MatchedFacts and Reason must not be null";
        }

        return null;
    }
}
