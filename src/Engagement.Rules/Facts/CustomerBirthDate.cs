using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>
/// A customer's birthday: always the month and day, and the year when the customer gave it. February 29 is
/// allowed; with a known year, that year must be a leap year.
/// </summary>
public sealed record CustomerBirthDate
{
    private const string FactType = nameof(CustomerBirthDate);

    /// <summary>Creates a birth date.</summary>
    /// <param name="monthDay">The month and day.</param>
    /// <param name="year">The year, or <see langword="null"/> when unknown.</param>
    /// <exception cref="FactValidationException">The year is outside 1900-9999, or Feb 29 in a non-leap year.</exception>
    public CustomerBirthDate(AnnualDate monthDay, int? year = null)
    {
        MonthDay = monthDay;
        Year = year;
    }

    /// <summary>The month and day.</summary>
    public AnnualDate MonthDay
    {
        get;
        init
        {
            field = value;
            CheckLeapDay();
        }
    }

    /// <summary>The year of birth, or <see langword="null"/> when unknown.</summary>
    public int? Year
    {
        get;
        init
        {
            if (value is { } y)
            {
                FactCheck.Between(y, 1900, 9999, FactType, nameof(Year));
            }

            field = value;
            CheckLeapDay();
        }
    }

    /// <summary>The full date of birth, when the year is known.</summary>
    public LocalDate? Date => Year is { } y ? MonthDay.InYear(y) : null;

    /// <summary>Creates a birth date from a full date.</summary>
    /// <param name="date">The date of birth.</param>
    /// <returns>The birth date with its year.</returns>
    public static CustomerBirthDate FromDate(LocalDate date) => new(new AnnualDate(date.Month, date.Day), date.Year);

    /// <summary>
    /// The birthday in a given year. A February 29 birthday falls on February 28 in non-leap years (NodaTime's
    /// <see cref="AnnualDate.InYear(int)"/> rule).
    /// </summary>
    /// <param name="year">The year.</param>
    /// <returns>The day the birthday is celebrated in that year.</returns>
    public LocalDate BirthdayIn(int year) => MonthDay.InYear(year);

    /// <summary>
    /// The age in whole years on a day, or <see langword="null"/> when the year of birth is unknown. A February 29
    /// birthday adds a year on February 28 in non-leap years, the day <see cref="BirthdayIn"/> gives.
    /// </summary>
    /// <param name="on">The day.</param>
    /// <returns>The age, or <see langword="null"/>.</returns>
    public int? AgeOn(LocalDate on) => Date is { } born ? Period.Between(born, on, PeriodUnits.Years).Years : null;

    private void CheckLeapDay()
    {
        if (Year is { } y && MonthDay.Month == 2 && MonthDay.Day == 29 && !CalendarSystem.Iso.IsLeapYear(y))
        {
            throw FactCheck.Fail(FactType, nameof(Year), y, "February 29 does not exist in that year", "a leap year for a February 29 birthday, or an unknown year");
        }
    }
}
