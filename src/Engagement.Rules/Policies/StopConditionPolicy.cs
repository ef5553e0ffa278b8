using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Policies;

/// <summary>
/// Stop conditions: a deceased customer gets nothing; a customer who moved away gets only safety touches by
/// postal mail (when enabled); a vehicle no longer owned gets no touch; e-mail is sunset for non-safety touches
/// after N consecutive unengaged e-mails (the consent step then skips e-mail).
/// </summary>
internal sealed class StopConditionPolicy : IProposalPolicy
{
    public string Name => "stop-conditions";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var options = input.Options.StopConditions;
        var customer = input.Customer;
        if (customer.Status == CustomerStatus.Deceased)
        {
            run.StopWhere(_ => true, SuppressionReason.StopCondition, Name, _ => $"customer {customer.CustomerId} is deceased");
            return;
        }

        if (customer.Status == CustomerStatus.MovedAway)
        {
            var safetyByMail = options.SafetyByMailWhenMovedAway;
            run.StopWhere(
                c => c.Proposal.Class != TouchClass.Safety || !safetyByMail,
                SuppressionReason.StopCondition,
                Name,
                c => $"customer {customer.CustomerId} moved away" + (c.Proposal.Class == TouchClass.Safety ? " (safety by mail is disabled)" : string.Empty));
            foreach (var candidate in run.Active)
            {
                candidate.ForcedChannel = ContactChannel.Mail;
                candidate.Step(Name, $"customer {customer.CustomerId} moved away: the safety touch goes by postal mail only");
            }
        }

        run.StopWhere(
            c => c.Proposal.Vin is { } vin && input.Vehicles.TryGetValue(vin, out var vehicle) && !vehicle.IsOwned,
            SuppressionReason.StopCondition,
            Name,
            c => $"vehicle {c.Proposal.Vin} is no longer owned by customer {customer.CustomerId}");

        var unengaged = 0;
        foreach (var touch in input.History.Where(t => t.Channel == ContactChannel.Email).Reverse())
        {
            if (touch.Engaged)
            {
                break;
            }

            unengaged++;
        }

        if (unengaged >= options.EmailSunsetAfterUnengaged)
        {
            run.EmailSunset = $"e-mail is sunset: the last {unengaged} e-mails were not engaged with (limit {options.EmailSunsetAfterUnengaged})";
        }
    }
}
