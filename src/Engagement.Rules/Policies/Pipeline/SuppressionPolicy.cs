using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Policies.Pipeline;

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
        var conditions = options.Conditions;
        for (var n = 0; n < conditions.Count; n++)
        {
            var condition = conditions[n];
            if (IndexOf(conditions, condition) < n)
            {
                continue; // a repeated condition applies once, where it first appears
            }

            // The condition's text is made when a first candidate it could stop is found: most evaluations have none.
            string? reason = null;
            var active = run.Active;
            for (var i = 0; i < active.Count; i++)
            {
                var candidate = active[i];
                if (candidate.Proposal.Class != TouchClass.Safety && options.SuppressedClasses.Contains(candidate.Proposal.Class))
                {
                    reason ??= condition switch
                    {
                        SuppressionCondition.OpenComplaint => OpenComplaint(input),
                        SuppressionCondition.OpenRepairOrder => OpenRepairOrder(input),
                        SuppressionCondition.SafetyNoticePending => SafetyNotice(run),
                        _ => null,
                    };
                    if (reason is null)
                    {
                        break; // the condition does not hold
                    }

                    run.Stop(candidate, SuppressionReason.SuppressionCondition, Name, $"{candidate.Proposal.Class} touch suppressed: {reason}");
                    i--;
                }
            }
        }
    }

    private static int IndexOf(IReadOnlyList<SuppressionCondition> conditions, SuppressionCondition condition)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i] == condition)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? OpenComplaint(PolicyInput input)
        => input.FirstOpenComplaint is { } first ? $"open Complaint {first.Id} (opened {TextValue.Date(first.OpenedOn)})" : null;

    private static string? OpenRepairOrder(PolicyInput input)
        => input.FirstOpenRepairOrder is { } first ? $"open RepairOrder {first.RepairOrderId} (opened {TextValue.Date(first.OpenedOn)})" : null;

    private static string? SafetyNotice(PolicyRun run)
    {
        var active = run.Active;
        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            if (candidate.Proposal.Class == TouchClass.Safety)
            {
                return $"safety touch '{candidate.Proposal.Topic}' (rule {candidate.Proposal.RuleId}) outranks it";
            }
        }

        return null;
    }
}
