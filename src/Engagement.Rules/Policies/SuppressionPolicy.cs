using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies;

/// <summary>
/// Suppression: touches of the suppressed classes (default marketing) are not sent while an open complaint or
/// an open repair order exists, or while a safety touch is proposed (a recall notice outranks marketing).
/// </summary>
internal sealed class SuppressionPolicy : IProposalPolicy
{
    public string Name => "suppression";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var options = input.Options.Suppression;
        bool Suppressible(Candidate c) => c.Proposal.Class != TouchClass.Safety && options.SuppressedClasses.Contains(c.Proposal.Class);
        foreach (var condition in options.Conditions.Distinct())
        {
            string? reason = condition switch
            {
                SuppressionCondition.OpenComplaint => input.Complaints.Where(c => c.IsOpen).OrderBy(c => c.Id, System.StringComparer.Ordinal).Select(c => $"open Complaint {c.Id} (opened {Text.Date(c.OpenedOn)})").FirstOrDefault(),
                SuppressionCondition.OpenRepairOrder => input.RepairOrders.Where(r => r.IsOpen).OrderBy(r => r.RepairOrderId, System.StringComparer.Ordinal).Select(r => $"open RepairOrder {r.RepairOrderId} (opened {Text.Date(r.OpenedOn)})").FirstOrDefault(),
                SuppressionCondition.SafetyNoticePending => run.Active.Where(c => c.Proposal.Class == TouchClass.Safety).Select(c => $"safety touch '{c.Proposal.Topic}' (rule {c.Proposal.RuleId}) outranks it").FirstOrDefault(),
                _ => null,
            };
            if (reason is not null)
            {
                run.StopWhere(Suppressible, SuppressionReason.Suppressed, Name, c => $"{c.Proposal.Class} touch suppressed: {reason}");
            }
        }
    }
}
