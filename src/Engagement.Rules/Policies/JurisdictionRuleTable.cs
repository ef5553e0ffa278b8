using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>
/// The jurisdiction rules, keyed by code. <see cref="Default"/> is the table shipped with the library; a host
/// replaces or adds rows with <see cref="With"/> or builds its own table. Immutable (<see cref="With"/> returns a
/// new table), so one table may be shared between threads and evaluators.
/// </summary>
public sealed class JurisdictionRuleTable
{
    private readonly Dictionary<string, JurisdictionRule> _rules;

    /// <summary>Creates a table.</summary>
    /// <param name="rules">The rules; codes must be unique (case-insensitive).</param>
    /// <exception cref="ArgumentException">Two rules have the same code.</exception>
    public JurisdictionRuleTable(IEnumerable<JurisdictionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = new Dictionary<string, JurisdictionRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule);
            if (!_rules.TryAdd(rule.Code, rule))
            {
                throw new ArgumentException($"The jurisdiction table has two rules for '{rule.Code}'.", nameof(rules));
            }
        }

        Rules = _rules.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The shipped defaults (a summary of the rules, not legal advice; hosts should review them):
    /// <list type="bullet">
    /// <item><c>US</c> (TCPA, CAN-SPAM): calls and texts 08:00-21:00 recipient-local, prior express consent for calls and texts.</item>
    /// <item><c>US-FL</c>, <c>US-OK</c>, <c>US-MD</c>: calls and texts 08:00-20:00 (state telephone-solicitation acts).</item>
    /// <item><c>US-TX</c>: calls and texts 09:00-21:00 Monday to Saturday, 12:00-21:00 on Sunday.</item>
    /// <item><c>CA</c> (CASL, CRTC): implied consent from a purchase lasts two years, from an inquiry six months;
    /// calls and texts 09:00-21:30 on weekdays, 10:00-18:00 at weekends.</item>
    /// </list>
    /// </summary>
    public static JurisdictionRuleTable Default { get; } = new(DefaultRules());

    /// <summary>The rules, ordered by code.</summary>
    public IReadOnlyList<JurisdictionRule> Rules { get; }

    /// <summary>Finds the rule for a code.</summary>
    /// <param name="code">A country or country-region code.</param>
    /// <returns>The rule, or null.</returns>
    public JurisdictionRule? Find(string code) => _rules.GetValueOrDefault(code);

    /// <summary>Returns a table with a rule added or replaced (by code).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The new table.</returns>
    public JurisdictionRuleTable With(JurisdictionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new JurisdictionRuleTable(Rules.Where(r => !string.Equals(r.Code, rule.Code, StringComparison.OrdinalIgnoreCase)).Append(rule));
    }

    private static IEnumerable<JurisdictionRule> DefaultRules()
    {
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        var weekend = new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday };
        var mondayToSaturday = weekdays.Append(IsoDayOfWeek.Saturday).ToArray();
        static ContactWindow[] CallsAndTexts(int startHour, int startMinute, int endHour, int endMinute, IReadOnlyList<IsoDayOfWeek> days) =>
        [
            new(ContactChannel.Phone, new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute), days),
            new(ContactChannel.Sms, new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute), days),
        ];

        yield return new JurisdictionRule
        {
            Code = "US",
            Source = "TCPA / CAN-SPAM",
            ContactWindows = CallsAndTexts(8, 0, 21, 0, []),
            ExpressConsentChannels = [ContactChannel.Phone, ContactChannel.Sms],
        };
        foreach (var state in new[] { "US-FL", "US-OK", "US-MD" })
        {
            yield return new JurisdictionRule { Code = state, Source = "state telephone solicitation act", ContactWindows = CallsAndTexts(8, 0, 20, 0, []) };
        }

        yield return new JurisdictionRule
        {
            Code = "US-TX",
            Source = "Texas Business and Commerce Code ch. 304",
            ContactWindows = [.. CallsAndTexts(9, 0, 21, 0, mondayToSaturday), .. CallsAndTexts(12, 0, 21, 0, [IsoDayOfWeek.Sunday])],
        };
        yield return new JurisdictionRule
        {
            Code = "CA",
            Source = "CASL / CRTC telemarketing rules",
            ContactWindows = [.. CallsAndTexts(9, 0, 21, 30, weekdays), .. CallsAndTexts(10, 0, 18, 0, weekend)],
            ImpliedConsentFromPurchase = Period.FromYears(2),
            ImpliedConsentFromInquiry = Period.FromMonths(6),
        };
    }
}
