using System.Globalization;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// The rules used when the customer's zone is unknown and the plausible zones give no common window: every
/// restricted channel is further limited to a fixed conservative window (default 10:00-19:00) in the
/// dealership's zone. Unrestricted channels (e-mail by default) stay unrestricted.
/// </summary>
internal sealed class ConservativeContactRules(IContactRules inner, LocalTime start, LocalTime end) : IContactRules
{
    public DayWindow? Window(ContactChannel channel, IsoDayOfWeek day)
    {
        if (inner.Window(channel, day) is not { } window)
        {
            return null;
        }

        var from = window.Start > start ? window.Start : start;
        var to = window.End < end ? window.End : end;
        return new DayWindow(from, to, string.Create(CultureInfo.InvariantCulture, $"{channel} {from:HH':'mm}-{to:HH':'mm} (conservative window for an unknown time zone)"));
    }

    public string? Blackout(LocalDate date) => inner.Blackout(date);
}
