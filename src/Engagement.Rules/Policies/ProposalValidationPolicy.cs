using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies;

/// <summary>
/// First step: proposals for another customer or about a vehicle not among the customer's facts are invalid;
/// a relationship touch may not carry an offer; an occurrence already sent (its key is a TouchSent id) or
/// proposed twice goes once.
/// </summary>
internal sealed class ProposalValidationPolicy : IProposalPolicy
{
    public string Name => "validation";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var sentIds = input.History.ToDictionary(t => t.TouchId, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in run.Active.ToList())
        {
            var proposal = candidate.Proposal;
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
            else if (proposal.Vin is { } vin && !input.Vehicles.ContainsKey(vin))
            {
                var message = $"rule {proposal.RuleId} proposed '{proposal.Topic}' about vehicle {vin}, which is not among customer '{input.Customer.CustomerId}''s vehicles";
                run.Diagnostics.Add(new EngagementDiagnostic(EngagementDiagnosticCode.InvalidProposal, message));
                run.Stop(candidate, SuppressionReason.InvalidProposal, Name, message);
            }
            else if (proposal.Class == TouchClass.Relationship && proposal.Kind == TouchKind.Offer)
            {
                run.Stop(candidate, SuppressionReason.NotAllowedForClass, Name, "a relationship touch may not carry an offer; propose it as a marketing touch");
            }
            else if (sentIds.TryGetValue(candidate.Key, out var sent))
            {
                run.Stop(candidate, SuppressionReason.AlreadySent, Name, $"this occurrence was already sent: TouchSent {sent.TouchId} at {Text.Instant(sent.SentAt)}");
            }
            else if (!seen.Add(candidate.Key))
            {
                run.Stop(candidate, SuppressionReason.AlreadySent, Name, $"the same occurrence (key {candidate.Key}) was proposed twice in this evaluation; the first proposal stands");
            }
        }
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
