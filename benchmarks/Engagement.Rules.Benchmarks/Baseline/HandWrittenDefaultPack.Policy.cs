using Engagement.Rules.Decisions;
using static Engagement.Rules.Benchmarks.Baseline.BaselineText;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <content>rules/policy.yaml: service recovery. Runs last: the detractor call reacts to the other rules' offers.</content>
internal static partial class HandWrittenDefaultPack
{
    private sealed partial class Evaluation
    {
        public void Policy()
        {
            foreach (var complaint in _complaints)
            {
                if (complaint.CustomerId == _customer.CustomerId && complaint.ResolvedOn is { } resolved && DaysSince(resolved) is >= 3 and <= 6)
                {
                    Propose("complaint-resolved-check-in", TouchKind.FollowUp, TouchClass.Service, "service.complaint-check-in", null, "Complaint " + complaint.Id + " was resolved on " + Format(resolved), [_customer, complaint], due: resolved.PlusDays(3), expires: resolved.PlusDays(10), values: Values("complaintId", complaint.Id));
                }
            }

            if (!OfferProposed())
            {
                return;
            }

            int? lowest = null;
            foreach (var score in _scores)
            {
                if (score.CustomerId == _customer.CustomerId && DaysSince(score.On) is >= 0 and <= 90 && (lowest is null || score.Score < lowest.Value))
                {
                    lowest = score.Score;
                }
            }

            if (lowest is not { } lowestScore || lowestScore > 6)
            {
                return;
            }

            foreach (var call in _touchesSent)
            {
                if (call.CustomerId == _customer.CustomerId && call.Topic == "service.detractor-recovery" && DaysSince(DateOf(call.SentAt)) < 365)
                {
                    return;
                }
            }

            Propose("detractor-recovery-before-offers", TouchKind.FollowUp, TouchClass.Service, "service.detractor-recovery", null, "A satisfaction score of " + Format(lowestScore) + " in the last 90 days, and an offer was about to go out", [_customer], channel: ContactChannel.Phone, values: Values("score", Format(lowestScore)), evidence: Values("lowestScore", Format(lowestScore)));
        }

        private bool OfferProposed()
        {
            foreach (var proposal in Proposals)
            {
                if (proposal.CustomerId == _customer.CustomerId && proposal.Class == TouchClass.Marketing)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
