using Engagement.Rules.Decisions;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Suppression: touches of the suppressed classes (default marketing) are not sent while an open complaint or
/// an open repair order exists. The third condition, a safety touch going out on the same local day, can only be
/// known once the safety touch's fate and day are final: <see cref="FrequencyAndArbitrationPolicy"/> checks it.
/// </summary>
internal sealed class SuppressionPolicy : IProposalPolicy
{
    public string Name => PolicyName;

    private const string PolicyName = "suppression";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var options = input.Options.Suppression;
        var conditions = options.Conditions;
        for (var n = 0; n < conditions.Count; n++)
        {
            var condition = conditions[n];
            if (OptionLists.IndexOf(conditions, condition) < n || condition == SuppressionCondition.SafetyNoticePending)
            {
                continue; // a repeated condition applies once, where it first appears; a safety notice is checked later
            }

            // The condition's text is made when a first candidate it could stop is found: most evaluations have none.
            string? reason = null;
            var active = run.Active;
            for (var i = 0; i < active.Count; i++)
            {
                var candidate = active[i];
                if (candidate.Proposal.Class != TouchClass.Safety && OptionLists.Contains(options.SuppressedClasses, candidate.Proposal.Class))
                {
                    reason ??= condition switch
                    {
                        SuppressionCondition.OpenComplaint => OpenComplaint(input),
                        SuppressionCondition.OpenRepairOrder => OpenRepairOrder(input),
                        _ => null,
                    };
                    if (reason is null)
                    {
                        break; // the condition does not hold
                    }

                    Stop(run, candidate, reason);
                    i--;
                }
            }
        }
    }

    private static string? OpenComplaint(PolicyInput input)
        => input.FirstOpenComplaint is { } first ? $"open Complaint {first.Id} (opened {TextValue.Date(first.OpenedOn)})" : null;

    private static string? OpenRepairOrder(PolicyInput input)
        => input.FirstOpenRepairOrder is { } first ? $"open RepairOrder {first.RepairOrderId} (opened {TextValue.Date(first.OpenedOn)})" : null;

    /// <summary>Stops a touch of a suppressed class while a condition holds (one text for every condition).</summary>
    internal static void Stop(PolicyRun run, Candidate candidate, string reason)
        => run.Stop(candidate, SuppressionReason.SuppressionCondition, PolicyName, $"{candidate.Proposal.Class} touch suppressed: {reason}");
}
