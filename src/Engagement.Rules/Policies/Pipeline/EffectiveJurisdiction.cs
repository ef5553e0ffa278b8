using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// The jurisdiction rules that apply to one customer (country, then region) merged with the global defaults:
/// windows intersect, blackout days add up, consent lifetimes take the shorter, express channels the union.
/// </summary>
internal sealed class EffectiveJurisdiction : IContactRules
{
    private readonly List<(string Source, ContactWindow Window)> _windows = [];
    private readonly List<(string Source, IsoDayOfWeek Day)> _blackoutDays = [];
    private readonly List<(string Source, AnnualDate Day)> _holidays = [];
    private readonly List<(string Source, LocalDate Day)> _dates = [];

    // Window() per channel (0-4) and ISO day (1-7): filled on first use. The jurisdiction is cached per evaluator
    // and shared by threads; a race only computes the same immutable window twice.
    private readonly DayWindow?[] _windowCache = new DayWindow?[5 * 8];
    private readonly bool[] _windowKnown = new bool[5 * 8];

    public EffectiveJurisdiction(string countryCode, string? regionCode, PolicyOptions options)
    {
        CountryCode = countryCode;
        Code = regionCode is null ? countryCode : $"{countryCode}-{regionCode}";
        var rules = new List<JurisdictionRule>();
        if (options.Jurisdictions.Find(countryCode) is { } country)
        {
            rules.Add(country);
        }

        if (regionCode is not null && options.Jurisdictions.Find(Code) is { } region)
        {
            rules.Add(region);
        }

        Rules = rules;
        _windows.AddRange(options.QuietHours.DefaultWindows.Select(w => ("default", w)));
        _blackoutDays.AddRange(options.QuietHours.BlackoutDays.Select(d => ("default", d)));
        foreach (var rule in rules)
        {
            _windows.AddRange(rule.ContactWindows.Select(w => (rule.Code, w)));
            _blackoutDays.AddRange(rule.BlackoutDays.Select(d => (rule.Code, d)));
            _holidays.AddRange(rule.Holidays.Select(d => (rule.Code, d)));
            _dates.AddRange(rule.BlackoutDates.Select(d => (rule.Code, d)));
        }

        ExpressConsentChannels = rules.SelectMany(r => r.ExpressConsentChannels).ToHashSet();
        ImpliedConsentFromPurchase = Shortest(rules.Select(r => r.ImpliedConsentFromPurchase));
        ImpliedConsentFromInquiry = Shortest(rules.Select(r => r.ImpliedConsentFromInquiry));
        ServiceByExistingRelationship = rules.All(r => r.ServiceByExistingRelationship);
    }

    public string CountryCode { get; }

    /// <summary>The customer's jurisdiction code, e.g. <c>US-TX</c>.</summary>
    public string Code { get; }

    public IReadOnlyList<JurisdictionRule> Rules { get; }

    public bool IsKnown => Rules.Count > 0;

    public IReadOnlySet<ContactChannel> ExpressConsentChannels { get; }

    public Period? ImpliedConsentFromPurchase { get; }

    public Period? ImpliedConsentFromInquiry { get; }

    public bool ServiceByExistingRelationship { get; }

    /// <summary>The allowed window of a channel on a day, or null when the channel is unrestricted that day.</summary>
    public DayWindow? Window(ContactChannel channel, IsoDayOfWeek day)
    {
        var index = ((int)channel * 8) + (int)day;
        if ((uint)channel >= 5 || (uint)day >= 8)
        {
            return ComputeWindow(channel, day);
        }

        if (Volatile.Read(ref _windowKnown[index]))
        {
            return _windowCache[index];
        }

        var window = ComputeWindow(channel, day);
        _windowCache[index] = window;
        Volatile.Write(ref _windowKnown[index], true);
        return window;
    }

    /// <summary>Why a date is a blackout day, or null.</summary>
    /// <remarks>
    /// Asked for every candidate at every step of its plan: plain loops answer "no" without allocating; the list of
    /// reasons is made only for a blackout day (rare), each reason once, in the order day, holiday, date.
    /// </remarks>
    public string? Blackout(LocalDate date)
    {
        List<string>? reasons = null;
        foreach (var (source, day) in _blackoutDays)
        {
            if (day == date.DayOfWeek)
            {
                AddOnce(ref reasons, $"{date.DayOfWeek} ({source})");
            }
        }

        foreach (var (source, holiday) in _holidays)
        {
            if (holiday.InYear(date.Year) == date)
            {
                AddOnce(ref reasons, string.Create(CultureInfo.InvariantCulture, $"holiday {holiday} ({source})"));
            }
        }

        foreach (var (source, blackout) in _dates)
        {
            if (blackout == date)
            {
                AddOnce(ref reasons, $"blackout date ({source})");
            }
        }

        return reasons is null ? null : string.Join(", ", reasons);
    }

    private static void AddOnce(ref List<string>? reasons, string reason)
    {
        reasons ??= [];
        if (!reasons.Contains(reason))
        {
            reasons.Add(reason);
        }
    }

    private DayWindow? ComputeWindow(ContactChannel channel, IsoDayOfWeek day)
    {
        var applicable = _windows.Where(w => w.Window.Channel == channel && w.Window.AppliesOn(day)).ToList();
        if (applicable.Count == 0)
        {
            return null;
        }

        var start = applicable.Max(w => w.Window.Start);
        var end = applicable.Min(w => w.Window.End);
        var sources = string.Join(", ", applicable.Select(w => w.Source).Distinct());
        return new DayWindow(start, end, string.Create(CultureInfo.InvariantCulture, $"{channel} {start:HH':'mm}-{end:HH':'mm} ({sources})"));
    }

    private static Period? Shortest(IEnumerable<Period?> periods)
    {
        var reference = new LocalDate(2000, 1, 1);
        return periods.Where(p => p is not null).OrderBy(p => reference.Plus(p!)).FirstOrDefault();
    }
}
