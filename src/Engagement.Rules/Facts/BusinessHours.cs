using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A dealership's weekly opening hours: one entry per open day; days not listed are closed.</summary>
public sealed record BusinessHours
{
    private const string FactType = nameof(BusinessHours);

    /// <summary>Creates business hours.</summary>
    /// <param name="days">The open days, each at most once.</param>
    /// <exception cref="FactValidationException">A day is listed twice or an entry is null.</exception>
    public BusinessHours(IEnumerable<OpeningHours> days)
    {
        Days = days is null ? null! : [.. days];
    }

    /// <summary>Closed every day (no hours known).</summary>
    public static BusinessHours None { get; } = new([]);

    /// <summary>The open days, sorted Monday to Sunday, each at most once.</summary>
    public IReadOnlyList<OpeningHours> Days
    {
        get;
        init
        {
            var days = new List<OpeningHours>(FactCheck.Copy(value, FactType, nameof(Days)));
            days.Sort((a, b) => a.Day.CompareTo(b.Day));
            for (var i = 1; i < days.Count; i++)
            {
                if (days[i].Day == days[i - 1].Day)
                {
                    throw FactCheck.Fail(FactType, nameof(Days), days[i].Day, "the day is listed twice", "each day of the week at most once");
                }
            }

            field = days.AsReadOnly();
        }
    }

    /// <summary>The hours on a day of the week, or <see langword="null"/> when closed that day.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>The hours, or <see langword="null"/>.</returns>
    public OpeningHours? HoursOn(IsoDayOfWeek day)
    {
        foreach (var hours in Days)
        {
            if (hours.Day == day)
            {
                return hours;
            }
        }

        return null;
    }

    /// <summary>Whether the dealership is open at a local date and time (in its own time zone).</summary>
    /// <param name="localDateTime">The date and time, in the dealership's time zone.</param>
    /// <returns>Whether it is open then.</returns>
    public bool IsOpenAt(LocalDateTime localDateTime) => HoursOn(localDateTime.DayOfWeek)?.Contains(localDateTime.TimeOfDay) ?? false;
}
