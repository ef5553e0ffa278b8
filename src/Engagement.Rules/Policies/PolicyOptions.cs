using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies;

/// <summary>
/// The settings of every policy, applied in this order after the rules have proposed touches: validation,
/// stop conditions, suppression, consent and channel, quiet hours and blackout days, expiry, cooldowns, caps and
/// arbitration, holdouts. See <c>docs/policies.md</c>.
/// </summary>
public sealed record PolicyOptions
{
    /// <summary>The defaults.</summary>
    public static PolicyOptions Default { get; } = new();

    /// <summary>Stop conditions: deceased, moved away, vehicle not owned, e-mail sunset.</summary>
    public StopConditionOptions StopConditions { get; init; } = new();

    /// <summary>Consent and channel resolution.</summary>
    public ConsentOptions Consent { get; init; } = new();

    /// <summary>Quiet hours and blackout days.</summary>
    public QuietHoursOptions QuietHours { get; init; } = new();

    /// <summary>Frequency caps and topic cooldowns.</summary>
    public FrequencyOptions Frequency { get; init; } = new();

    /// <summary>Suppression conditions.</summary>
    public SuppressionOptions Suppression { get; init; } = new();

    /// <summary>Arbitration between competing touches.</summary>
    public ArbitrationOptions Arbitration { get; init; } = new();

    /// <summary>Control groups.</summary>
    public HoldoutOptions Holdouts { get; init; } = new();

    /// <summary>The jurisdiction rules (consent and contact-time law as data). Default <see cref="JurisdictionRuleTable.Default"/>.</summary>
    public JurisdictionRuleTable Jurisdictions { get; init; } = JurisdictionRuleTable.Default;

    /// <summary>Checks every setting at once, as <see cref="EngagementEvaluator.Create"/> does.</summary>
    /// <exception cref="PolicyOptionsException">
    /// One or more settings are invalid; an <see cref="System.ArgumentException"/> whose message and
    /// <see cref="PolicyOptionsException.Errors"/> list every problem of <see cref="GetErrors"/>.
    /// </exception>
    public void Validate()
    {
        var errors = GetErrors();
        if (errors.Count > 0)
        {
            throw new PolicyOptionsException(errors);
        }
    }

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    /// <returns>The problems, one sentence each, naming the setting.</returns>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(StopConditions is not null, "StopConditions: is null.");
        Check(Consent is not null, "Consent: is null.");
        Check(QuietHours is not null, "QuietHours: is null.");
        Check(Frequency is not null, "Frequency: is null.");
        Check(Suppression is not null, "Suppression: is null.");
        Check(Arbitration is not null, "Arbitration: is null.");
        Check(Holdouts is not null, "Holdouts: is null.");
        Check(Jurisdictions is not null, "Jurisdictions: is null.");

        if (StopConditions is { } stop)
        {
            Check(stop.EmailSunsetAfterUnengaged >= 1, $"StopConditions.EmailSunsetAfterUnengaged: must be at least 1 (was {stop.EmailSunsetAfterUnengaged}).");
        }

        if (Consent is { } consent)
        {
            CheckList(consent.DefaultChannelOrder, "Consent.DefaultChannelOrder", errors);
        }

        if (QuietHours is { } quiet)
        {
            CheckWindows(quiet.DefaultWindows, "QuietHours.DefaultWindows", errors);
            Check(quiet.UnknownZoneStart < quiet.UnknownZoneEnd, string.Create(CultureInfo.InvariantCulture, $"QuietHours.UnknownZoneStart/UnknownZoneEnd: the start ({quiet.UnknownZoneStart:HH':'mm}) must be before the end ({quiet.UnknownZoneEnd:HH':'mm})."));
            Check(quiet.SearchHorizonDays is >= 1 and <= 3660, $"QuietHours.SearchHorizonDays: must be between 1 and 3660 (was {quiet.SearchHorizonDays}).");
            CheckList(quiet.BlackoutDays, "QuietHours.BlackoutDays", errors);
            CheckList(quiet.BlackoutExemptClasses, "QuietHours.BlackoutExemptClasses", errors);
            if (quiet.BlackoutDays is { } days)
            {
                Check(days.Distinct().Count() < 7, "QuietHours.BlackoutDays: every day of the week is a blackout day, so nothing could ever be sent.");
            }
        }

        if (Frequency is { } frequency)
        {
            if (frequency.Caps is null)
            {
                errors.Add("Frequency.Caps: is null.");
            }
            else
            {
                for (var i = 0; i < frequency.Caps.Count; i++)
                {
                    var cap = frequency.Caps[i];
                    var name = string.Create(CultureInfo.InvariantCulture, $"Frequency.Caps[{i}]");
                    if (cap is null)
                    {
                        errors.Add($"{name}: is null.");
                        continue;
                    }

                    Check(cap.Class != TouchClass.Safety, $"{name}: safety touches bypass caps and cannot be capped.");
                    Check(Enum.IsDefined(cap.Class), $"{name}.Class: '{cap.Class}' is not a touch class.");
                    Check(cap.MaxTouches >= 1, $"{name}.MaxTouches: must be at least 1 (was {cap.MaxTouches}).");
                    Check(cap.Window > NodaTime.Duration.Zero, string.Create(CultureInfo.InvariantCulture, $"{name}.Window: must be positive (was {cap.Window})."));
                }

                foreach (var group in frequency.Caps.Where(c => c is not null).GroupBy(c => c.Class).Where(g => g.Count() > 1))
                {
                    errors.Add($"Frequency.Caps: class {group.Key} has {group.Count()} caps; give at most one per class.");
                }
            }

            Check(frequency.TopicCooldown >= NodaTime.Duration.Zero, string.Create(CultureInfo.InvariantCulture, $"Frequency.TopicCooldown: must not be negative (was {frequency.TopicCooldown})."));
            if (frequency.TopicCooldowns is null)
            {
                errors.Add("Frequency.TopicCooldowns: is null.");
            }
            else
            {
                foreach (var pair in frequency.TopicCooldowns.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Check(pair.Value >= NodaTime.Duration.Zero, string.Create(CultureInfo.InvariantCulture, $"Frequency.TopicCooldowns['{pair.Key}']: must not be negative (was {pair.Value})."));
                }
            }

            CheckList(frequency.CooldownExemptClasses, "Frequency.CooldownExemptClasses", errors);
        }

        if (Suppression is { } suppression)
        {
            CheckList(suppression.Conditions, "Suppression.Conditions", errors);
            CheckList(suppression.SuppressedClasses, "Suppression.SuppressedClasses", errors);
            Check(suppression.SuppressedClasses?.Contains(TouchClass.Safety) != true, "Suppression.SuppressedClasses: safety touches cannot be suppressed.");
        }

        if (Arbitration is { } arbitration)
        {
            Check(arbitration.MaxNonSafetyTouchesPerDay >= 1, $"Arbitration.MaxNonSafetyTouchesPerDay: must be at least 1 (was {arbitration.MaxNonSafetyTouchesPerDay}).");
        }

        if (Holdouts is { } holdouts)
        {
            Check(holdouts.GlobalPercent is >= 0 and <= 100, $"Holdouts.GlobalPercent: must be between 0 and 100 (was {holdouts.GlobalPercent.ToString(CultureInfo.InvariantCulture)}).");
            Check(holdouts.Salt is not null, "Holdouts.Salt: is null.");
            if (holdouts.RulePercents is null)
            {
                errors.Add("Holdouts.RulePercents: is null.");
            }
            else
            {
                foreach (var pair in holdouts.RulePercents.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Check(pair.Value is >= 0 and <= 100, $"Holdouts.RulePercents['{pair.Key}']: must be between 0 and 100 (was {pair.Value.ToString(CultureInfo.InvariantCulture)}).");
                }
            }
        }

        if (Jurisdictions is { } table)
        {
            foreach (var rule in table.Rules)
            {
                var name = $"Jurisdictions['{rule.Code}']";
                CheckWindows(rule.ContactWindows, name + ".ContactWindows", errors);
                CheckList(rule.ExpressConsentChannels, name + ".ExpressConsentChannels", errors);
                CheckList(rule.BlackoutDays, name + ".BlackoutDays", errors);
                Check(rule.Holidays is not null, name + ".Holidays: is null.");
                Check(rule.BlackoutDates is not null, name + ".BlackoutDates: is null.");
                Check(rule.BlackoutDays?.Distinct().Count() is null or < 7, name + ".BlackoutDays: every day of the week is a blackout day.");
                Check(rule.ImpliedConsentFromPurchase is null || IsPositive(rule.ImpliedConsentFromPurchase), name + ".ImpliedConsentFromPurchase: must be positive.");
                Check(rule.ImpliedConsentFromInquiry is null || IsPositive(rule.ImpliedConsentFromInquiry), name + ".ImpliedConsentFromInquiry: must be positive.");
            }
        }

        return errors;
    }

    private static bool IsPositive(NodaTime.Period period)
    {
        var start = new NodaTime.LocalDate(2000, 1, 1);
        return start.Plus(period) > start;
    }

    private static void CheckList<T>(IReadOnlyList<T>? values, string name, List<string> errors)
        where T : struct, Enum
    {
        if (values is null)
        {
            errors.Add($"{name}: is null.");
            return;
        }

        foreach (var value in values.Where(v => !Enum.IsDefined(v) || (v is NodaTime.IsoDayOfWeek day && day == NodaTime.IsoDayOfWeek.None)).Distinct())
        {
            errors.Add($"{name}: '{value}' is not a valid {typeof(T).Name}.");
        }
    }

    private static void CheckWindows(IReadOnlyList<ContactWindow>? windows, string name, List<string> errors)
    {
        if (windows is null)
        {
            errors.Add($"{name}: is null.");
            return;
        }

        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var item = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
            if (window is null)
            {
                errors.Add($"{item}: is null.");
                continue;
            }

            if (!Enum.IsDefined(window.Channel))
            {
                errors.Add($"{item}.Channel: '{window.Channel}' is not a contact channel.");
            }

            if (window.Start >= window.End)
            {
                errors.Add($"{item} ({window}): the start must be before the end; windows across midnight are not supported.");
            }

            if (window.Days is null)
            {
                errors.Add($"{item}.Days: is null.");
            }
            else
            {
                CheckList(window.Days, item + ".Days", errors);
            }
        }
    }
}
