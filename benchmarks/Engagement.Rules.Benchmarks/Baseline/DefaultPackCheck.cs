using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Engagement.Rules.Benchmarks.DefaultPack;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <summary>
/// A baseline that decides differently measures nothing: the hand-written pack and the engine running
/// rules/*.yaml must propose the same touches for every generated customer, compared field by field (rule id,
/// kind, class, topic, customer, VIN, channel, due, preferred time, expiry, priority, values, reason, evidence;
/// not <see cref="TouchProposal.MatchedFacts"/>, the engine's provenance), as sorted lists per customer. Run at
/// several instants (the data set's date and dates that wake the seasonal, birthday and referral rules), so that
/// most rules fire; throws with the first differences and the per-rule counts.
/// </summary>
internal static class DefaultPackCheck
{
    private static readonly Instant[] Instants =
    [
        DefaultRulePack.At,
        Instant.FromUtc(2026, 10, 3, 16, 0),
        Instant.FromUtc(2026, 6, 15, 20, 0),
        Instant.FromUtc(2027, 4, 2, 14, 0),
        Instant.FromUtc(2027, 1, 20, 18, 30),
    ];

    public static void HandWrittenAgreesWithEngine(CompiledRuleSet rules, IReadOnlyList<CustomerFacts> customers)
    {
        var differences = new List<string>();
        var fired = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var compared = 0;
        foreach (var at in Instants)
        {
            foreach (var customer in customers)
            {
                var proposals = EngineProposals.Propose(rules, customer, at);
                foreach (var proposal in proposals)
                {
                    fired[proposal.RuleId] = fired.GetValueOrDefault(proposal.RuleId) + 1;
                }

                var engine = Canonical(proposals);
                var handWritten = Canonical(HandWrittenDefaultPack.Propose(customer, at));
                compared += engine.Count;

                if (!engine.SequenceEqual(handWritten, StringComparer.Ordinal) && differences.Count < 10)
                {
                    differences.Add(
                        $"customer {customer.Customer.CustomerId} at {at}:\n  engine only:\n    "
                        + string.Join("\n    ", engine.Except(handWritten, StringComparer.Ordinal))
                        + "\n  hand-written only:\n    "
                        + string.Join("\n    ", handWritten.Except(engine, StringComparer.Ordinal)));
                }
            }
        }

        var counts = string.Join(", ", rules.Rules.Select(r => $"{r.Id} {fired.GetValueOrDefault(r.Id)}"));
        if (differences.Count > 0 || compared == 0)
        {
            var message = $"The hand-written default pack and the engine disagree ({customers.Count} customers x {Instants.Length} instants, {compared} engine proposals).\n"
                + string.Join("\n", differences) + "\nproposals per rule: " + counts;
            Console.Error.WriteLine(message);
            throw new InvalidOperationException(message);
        }

        Console.WriteLine($"// DefaultPackCheck: hand-written and engine agree on {compared} proposals ({customers.Count} customers x {Instants.Length} instants); per rule: {counts}");
    }

    private static List<string> Canonical(IEnumerable<TouchProposal> proposals) =>
        proposals.Select(Describe).Order(StringComparer.Ordinal).ToList();

    private static string Describe(TouchProposal p)
    {
        var text = new StringBuilder()
            .Append(p.RuleId).Append(" | ").Append(p.Kind.Name).Append(" | ").Append(p.Class).Append(" | ").Append(p.Topic)
            .Append(" | ").Append(p.CustomerId).Append(" | vin ").Append(p.Vin ?? "-").Append(" | channel ").Append(p.Channel?.ToString() ?? "-")
            .Append(" | due ").Append(p.DueOn.ToString("uuuu-MM-dd", null)).Append(" | at ").Append(p.PreferredTime?.ToString("HH:mm", null) ?? "-")
            .Append(" | expires ").Append(p.ExpiresOn?.ToString("uuuu-MM-dd", null) ?? "-").Append(" | priority ").Append(p.Priority)
            .Append(" | values ").Append(Pairs(p.Personalisation)).Append(" | reason ").Append(p.Reason)
            .Append(" | evidence ").Append(Pairs(p.Evidence));
        return text.ToString();
    }

    private static string Pairs(IReadOnlyDictionary<string, string> values) =>
        string.Join(", ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value));
}
