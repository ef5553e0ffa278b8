using Engagement.Rules.Decisions;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Policies.Pipeline;

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
        var active = run.Active;

        // The customer's global group does not depend on the touch: hash once, and only when a touch asks.
        bool? global = null;
        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            if (candidate.Proposal.Class == TouchClass.Safety)
            {
                continue;
            }

            global ??= HoldoutAssigner.IsHeldOut(options.Salt, "global", customerId, options.GlobalPercent);
            if (global.Value)
            {
                run.Stop(candidate, SuppressionReason.HeldOut, Name, $"customer {customerId} is in the global control group ({Text.Number(options.GlobalPercent)}%)");
                i--;
            }
            else if (options.RulePercents.TryGetValue(candidate.Proposal.RuleId, out var percent)
                && HoldoutAssigner.IsHeldOut(options.Salt, "rule:" + candidate.Proposal.RuleId, customerId, percent))
            {
                run.Stop(candidate, SuppressionReason.HeldOut, Name, $"customer {customerId} is in the control group of rule {candidate.Proposal.RuleId} ({Text.Number(percent)}%)");
                i--;
            }
        }
    }
}
