using Engagement.Rules.Decisions;
using Engagement.Rules.Formatting;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>A touch whose (held) due instant is after the end of its last useful day, in the customer's zone, is expired.</summary>
internal sealed class ExpiryPolicy : IProposalPolicy
{
    public string Name => "expiry";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var active = run.Active;
        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            if (candidate.Proposal.ExpiresOn is not { } expiresOn)
            {
                continue;
            }

            // 9999-12-31 is the usual "no end date" sentinel: no instant follows the end of it, so no expiry.
            if (expiresOn == LocalDate.MaxIsoValue)
            {
                candidate.Step(Name, $"expires {TextValue.Date(expiresOn)}, the last day of the calendar: no expiry");
                continue;
            }

            // The touch is worth sending until the end of its last day: the start of the next day, exclusive.
            var end = input.Zone.AtStartOfDay(expiresOn.PlusDays(1)).ToInstant();
            candidate.ExpiresAt = end;
            if (candidate.DueAt >= end)
            {
                run.Stop(candidate, SuppressionReason.Expired, Name, $"the earliest allowed time {TextValue.Local(candidate.DueAt, input.Zone)} is after the last useful day {TextValue.Date(expiresOn)}");
                i--;
            }
        }
    }
}
