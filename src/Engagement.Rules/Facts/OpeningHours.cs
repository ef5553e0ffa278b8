using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>The hours a dealership is open on one day of the week (no overnight opening).</summary>
public sealed record OpeningHours
{
    private const string FactType = nameof(OpeningHours);
    private bool _closesAssigned;

    /// <summary>Creates opening hours.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="opens">The opening time.</param>
    /// <param name="closes">The closing time, after <paramref name="opens"/>.</param>
    /// <exception cref="FactValidationException">The day is not a day of the week, or the closing time is not after the opening time.</exception>
    public OpeningHours(IsoDayOfWeek day, LocalTime opens, LocalTime closes)
    {
        Day = day;
        Opens = opens;
        Closes = closes;
    }

    /// <summary>The day of the week.</summary>
    public IsoDayOfWeek Day
    {
        get;
        init
        {
            if (value is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw FactCheck.Fail(FactType, nameof(Day), value, "the value is not a day of the week", "Monday to Sunday");
            }

            field = value;
        }
    }

    /// <summary>The opening time.</summary>
    public LocalTime Opens
    {
        get;
        init
        {
            field = value;
            Check();
        }
    }

    /// <summary>The closing time, after <see cref="Opens"/>.</summary>
    public LocalTime Closes
    {
        get;
        init
        {
            field = value;
            _closesAssigned = true;
            Check();
        }
    }

    /// <summary>Whether a time of day is within the hours (opening time included, closing time excluded).</summary>
    /// <param name="time">The time of day.</param>
    /// <returns>Whether the dealership is open then.</returns>
    public bool Contains(LocalTime time) => time >= Opens && time < Closes;

    private void Check()
    {
        // A valid closing time is never midnight (nothing is before it), so midnight means "not assigned yet":
        // the constructor assigns Opens first, and the check runs again when Closes is assigned.
        if (Closes == LocalTime.Midnight && !_closesAssigned)
        {
            return;
        }

        if (Closes <= Opens)
        {
            throw FactCheck.Fail(FactType, nameof(Closes), Closes, $"the closing time is not after the opening time ({FactCheck.Text(Opens)})", "a closing time later the same day, before midnight");
        }
    }
}
