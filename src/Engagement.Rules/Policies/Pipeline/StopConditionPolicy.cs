using System.Globalization;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Policies.Pipeline;

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
        var active = run.Active;
        if (customer.Status == CustomerStatus.Deceased)
        {
            while (active.Count > 0)
            {
                run.Stop(active[0], SuppressionReason.StopCondition, Name, $"customer {customer.CustomerId} is deceased");
            }

            return;
        }

        if (customer.Status == CustomerStatus.MovedAway)
        {
            var safetyByMail = options.SafetyByMailWhenMovedAway;
            for (var i = 0; i < active.Count; i++)
            {
                var candidate = active[i];
                if (candidate.Proposal.Class != TouchClass.Safety || !safetyByMail)
                {
                    run.Stop(candidate, SuppressionReason.StopCondition, Name, $"customer {customer.CustomerId} moved away" + (candidate.Proposal.Class == TouchClass.Safety ? " (safety by mail is disabled)" : string.Empty));
                    i--;
                }
            }

            foreach (var candidate in active)
            {
                candidate.ForcedChannel = ContactChannel.Mail;
                candidate.Step(Name, $"customer {customer.CustomerId} moved away: the safety touch goes by postal mail only");
            }
        }

        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            if (candidate.Proposal.Vin is { } vin && input.FindVehicle(vin) is { IsOwned: false })
            {
                run.Stop(candidate, SuppressionReason.StopCondition, Name, $"vehicle {candidate.Proposal.Vin} is no longer owned by customer {customer.CustomerId}");
                i--;
            }
        }

        var unengaged = 0;
        for (var i = input.History.Length - 1; i >= 0; i--)
        {
            var touch = input.History[i];

            // A touch not yet sent (a pending decision the host passes back, docs/decisions.md) cannot have been engaged with.
            if (touch.Channel != ContactChannel.Email || touch.SentAt > input.Now)
            {
                continue;
            }

            if (touch.Engaged)
            {
                break;
            }

            unengaged++;
        }

        if (unengaged >= options.EmailSunsetAfterUnengaged)
        {
            run.EmailSunset = string.Create(CultureInfo.InvariantCulture, $"e-mail is sunset: the last {unengaged} e-mails were not engaged with (limit {options.EmailSunsetAfterUnengaged})");
        }
    }
}
