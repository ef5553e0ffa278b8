using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>The contact-time rules the planner follows: a window per channel and day, and blackout dates.</summary>
internal interface IContactRules
{
    /// <summary>The allowed window of a channel on a day, or null when the channel is unrestricted that day.</summary>
    DayWindow? Window(ContactChannel channel, IsoDayOfWeek day);

    /// <summary>Why a date is a blackout day, or null.</summary>
    string? Blackout(LocalDate date);
}
