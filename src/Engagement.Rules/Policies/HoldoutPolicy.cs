using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies;

/// <summary>
/// Control groups, applied last so that a held-out touch is exactly one that would have been sent: the global
/// group by a stable hash of the customer id, per-rule groups by a hash of the rule id and customer id. Safety
/// touches are never held out.
/// </summary>
internal sealed class HoldoutPolicy : IProposalPolicy
{
    public string Name => "holdout";

    public void Apply(PolicyRun run)
    {
        var options = run.Input.Options.Holdouts;
        var customerId = run.Input.Customer.CustomerId;
        foreach (var candidate in run.Active.Where(c => c.Proposal.Class != TouchClass.Safety).ToList())
        {
            if (HoldoutAssigner.IsHeldOut(options.Salt, "global", customerId, options.GlobalPercent))
            {
                run.Stop(candidate, SuppressionReason.HeldOut, Name, $"customer {customerId} is in the global control group ({Text.Number(options.GlobalPercent)}%)");
            }
            else if (options.RulePercents.TryGetValue(candidate.Proposal.RuleId, out var percent)
                && HoldoutAssigner.IsHeldOut(options.Salt, "rule:" + candidate.Proposal.RuleId, customerId, percent))
            {
                run.Stop(candidate, SuppressionReason.HeldOut, Name, $"customer {customerId} is in the control group of rule {candidate.Proposal.RuleId} ({Text.Number(percent)}%)");
            }
        }
    }
}
