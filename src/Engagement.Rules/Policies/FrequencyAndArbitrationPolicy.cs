using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>
/// Cooldowns, frequency caps and arbitration, taking candidates in arbitration order - class (safety, service,
/// relationship, marketing), priority (higher first), due instant (earlier first), topic, rule id (ordinal) - so
/// the touch that matters most claims the budget first. Each candidate is checked against the touch history and
/// the touches already accepted in this evaluation: topic cooldown (same topic and vehicle), the class's cap in
/// its rolling window, and the daily budget of non-safety touches. Safety touches bypass caps and the budget.
/// </summary>
internal sealed class FrequencyAndArbitrationPolicy : IProposalPolicy
{
    public string Name => "frequency";

    public static IComparer<Candidate> ArbitrationOrder { get; } = Comparer<Candidate>.Create((x, y) =>
    {
        var c = x.Proposal.Class.CompareTo(y.Proposal.Class);
        c = c != 0 ? c : y.Proposal.Priority.CompareTo(x.Proposal.Priority);
        c = c != 0 ? c : x.DueAt.CompareTo(y.DueAt);
        c = c != 0 ? c : string.CompareOrdinal(x.Proposal.Topic, y.Proposal.Topic);
        c = c != 0 ? c : string.CompareOrdinal(x.Proposal.RuleId, y.Proposal.RuleId);
        return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
    });

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var options = input.Options;
        var touches = input.History
            .Select(t => new Touch($"TouchSent {t.TouchId}", t.Class, t.Topic, t.Vin?.Value, t.SentAt, null))
            .ToList();
        foreach (var candidate in run.Active.OrderBy(c => c, ArbitrationOrder).ToList())
        {
            var proposal = candidate.Proposal;
            var at = candidate.DueAt;
            var cooldown = options.Frequency.TopicCooldowns.TryGetValue(proposal.Topic, out var specific) ? specific : options.Frequency.TopicCooldown;
            if (!options.Frequency.CooldownExemptClasses.Contains(proposal.Class) && cooldown > Duration.Zero)
            {
                var previous = touches.FirstOrDefault(t =>
                    string.Equals(t.Topic, proposal.Topic, StringComparison.Ordinal)
                    && string.Equals(t.Vin, proposal.Vin, StringComparison.OrdinalIgnoreCase)
                    && Distance(t.At, at) < cooldown);
                if (previous is not null)
                {
                    run.Stop(candidate, SuppressionReason.Cooldown, "cooldown", $"topic '{proposal.Topic}' had {previous.Name} at {Text.Local(previous.At, input.Zone)}, within the {Text.Number(cooldown.TotalDays)}-day cooldown");
                    continue;
                }
            }

            if (proposal.Class != TouchClass.Safety)
            {
                var cap = options.Frequency.Caps.FirstOrDefault(c => c.Class == proposal.Class);
                if (cap is not null)
                {
                    var counted = touches.Where(t => t.Class == proposal.Class && Distance(t.At, at) < cap.Window).ToList();
                    if (counted.Count >= cap.MaxTouches)
                    {
                        run.Stop(candidate, SuppressionReason.FrequencyCap, "frequency-cap", $"cap '{cap}' reached: {string.Join(", ", counted.Select(t => t.Name))} within {Text.Number(cap.Window.TotalDays)} days of {Text.Local(at, input.Zone)}");
                        continue;
                    }
                }

                var day = at.InZone(input.Zone).Date;
                var sameDay = touches.Where(t => t.Class != TouchClass.Safety && t.At.InZone(input.Zone).Date == day).ToList();
                if (sameDay.Count >= options.Arbitration.MaxNonSafetyTouchesPerDay)
                {
                    var winners = sameDay.Where(t => t.Winner is not null).ToList();
                    if (winners.Count > 0)
                    {
                        run.Stop(candidate, SuppressionReason.LostArbitration, "arbitration", $"lost to {string.Join(", ", winners.Select(w => w.Name))} for the {options.Arbitration.MaxNonSafetyTouchesPerDay} non-safety touch(es) allowed on {Text.Date(day)} (order: class, priority, due, topic, rule id)");
                    }
                    else
                    {
                        run.Stop(candidate, SuppressionReason.FrequencyCap, "arbitration", $"the daily budget of {options.Arbitration.MaxNonSafetyTouchesPerDay} non-safety touch(es) on {Text.Date(day)} is used by {string.Join(", ", sameDay.Select(t => t.Name))}");
                    }

                    continue;
                }
            }

            touches.Add(new Touch($"'{proposal.Topic}' (rule {proposal.RuleId}, {proposal.Class}, priority {proposal.Priority})", proposal.Class, proposal.Topic, proposal.Vin, at, candidate));
        }
    }

    private static Duration Distance(Instant a, Instant b) => a > b ? a - b : b - a;

    private sealed record Touch(string Name, TouchClass Class, string Topic, string? Vin, Instant At, Candidate? Winner);
}
