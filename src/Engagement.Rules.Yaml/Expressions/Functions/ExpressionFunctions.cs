using System;
using System.Collections.Generic;
using System.Globalization;
using Engagement.Rules.Evaluation;
using NodaTime;

namespace Engagement.Rules.Yaml.Expressions.Functions;

/// <summary>
/// The implementation of every function rule text may call, and nothing else: each public method here is
/// one overload of the function named by its camelCase name (<c>DaysUntil</c> is <c>daysUntil</c>). A
/// trailing <see cref="EvaluationContext"/> parameter is not written in rule text: the compiler passes the
/// evaluation's context (today, now, the customer's zone). The methods are pure, allocation-free (except
/// the text functions that build new text) and tolerate null text and lists as empty.
/// </summary>
internal static class ExpressionFunctions
{
    public static LocalDate Today(EvaluationContext context) => context.Today;

    public static Instant Now(EvaluationContext context) => context.Now;

    /// <summary>Days from today to the date: positive in the future, negative in the past.</summary>
    public static int DaysUntil(LocalDate date, EvaluationContext context) => Period.DaysBetween(context.Today, date);

    /// <summary>Days from the date to today: positive in the past, negative in the future.</summary>
    public static int DaysSince(LocalDate date, EvaluationContext context) => Period.DaysBetween(date, context.Today);

    /// <summary>Days from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static int DaysBetween(LocalDate start, LocalDate end) => Period.DaysBetween(start, end);

    /// <summary>Completed months from the date to today (negative when the date is in the future).</summary>
    public static int MonthsSince(LocalDate date, EvaluationContext context) => MonthsBetween(date, context.Today);

    /// <summary>Completed years from the date to today (negative when the date is in the future).</summary>
    public static int YearsSince(LocalDate date, EvaluationContext context) => YearsBetween(date, context.Today);

    /// <summary>Age in completed years of someone born on <paramref name="birthDate"/>.</summary>
    public static int Age(LocalDate birthDate, EvaluationContext context) => YearsBetween(birthDate, context.Today);

    /// <summary>Completed years since the date: the number of the last anniversary reached (0 before the first).</summary>
    public static int AnniversaryYears(LocalDate date, EvaluationContext context) => YearsBetween(date, context.Today);

    /// <summary>
    /// The next occurrence of the annual date on or after today. February 29th is observed on February
    /// 28th in non-leap years (NodaTime's <see cref="AnnualDate.InYear"/>).
    /// </summary>
    public static LocalDate NextOccurrence(AnnualDate date, EvaluationContext context)
    {
        var today = context.Today;
        var candidate = date.InYear(today.Year);
        return candidate >= today ? candidate : date.InYear(today.Year + 1);
    }

    /// <summary>The next anniversary of the date (its month and day) on or after today.</summary>
    public static LocalDate NextOccurrence(LocalDate date, EvaluationContext context) =>
        NextOccurrence(new AnnualDate(date.Month, date.Day), context);

    public static int Year(LocalDate date) => date.Year;

    public static int Month(LocalDate date) => date.Month;

    public static int Month(AnnualDate date) => date.Month;

    public static int Day(LocalDate date) => date.Day;

    public static int Day(AnnualDate date) => date.Day;

    public static IsoDayOfWeek DayOfWeek(LocalDate date) => date.DayOfWeek;

    /// <summary>The meteorological season of the northern hemisphere.</summary>
    public static Season Season(LocalDate date) => date.Month switch
    {
        12 or 1 or 2 => Functions.Season.Winter,
        3 or 4 or 5 => Functions.Season.Spring,
        6 or 7 or 8 => Functions.Season.Summer,
        _ => Functions.Season.Autumn,
    };

    /// <summary>The date of the instant in the evaluation's time zone (the customer's).</summary>
    public static LocalDate Date(Instant instant, EvaluationContext context) => instant.InZone(context.Zone).Date;

    /// <summary>The time of day of the instant in the evaluation's time zone (the customer's).</summary>
    public static LocalTime TimeOfDay(Instant instant, EvaluationContext context) => instant.InZone(context.Zone).TimeOfDay;

    public static bool StartsWith(string text, string prefix) => (text ?? string.Empty).StartsWith(prefix ?? string.Empty, StringComparison.Ordinal);

    public static bool EndsWith(string text, string suffix) => (text ?? string.Empty).EndsWith(suffix ?? string.Empty, StringComparison.Ordinal);

    public static bool Contains(string text, string part) => (text ?? string.Empty).Contains(part ?? string.Empty, StringComparison.Ordinal);

    /// <summary>Whether the list holds the value (text compares ordinally).</summary>
    public static bool Contains<T>(IReadOnlyList<T> list, T value)
    {
        if (list is null)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < list.Count; i++)
        {
            if (comparer.Equals(list[i], value))
            {
                return true;
            }
        }

        return false;
    }

    public static int Count<T>(IReadOnlyList<T> list) => list?.Count ?? 0;

    public static string Lower(string text) => (text ?? string.Empty).ToLowerInvariant();

    public static string Upper(string text) => (text ?? string.Empty).ToUpperInvariant();

    public static string Trim(string text) => (text ?? string.Empty).Trim();

    public static int Length(string text) => text?.Length ?? 0;

    public static int Min(int a, int b) => Math.Min(a, b);

    public static long Min(long a, long b) => Math.Min(a, b);

    public static decimal Min(decimal a, decimal b) => Math.Min(a, b);

    public static double Min(double a, double b) => Math.Min(a, b);

    public static LocalDate Min(LocalDate a, LocalDate b) => LocalDate.Min(a, b);

    public static int Max(int a, int b) => Math.Max(a, b);

    public static long Max(long a, long b) => Math.Max(a, b);

    public static decimal Max(decimal a, decimal b) => Math.Max(a, b);

    public static double Max(double a, double b) => Math.Max(a, b);

    public static LocalDate Max(LocalDate a, LocalDate b) => LocalDate.Max(a, b);

    /// <summary>The absolute value; int.MinValue saturates to int.MaxValue instead of overflowing.</summary>
    public static int Abs(int value) => value == int.MinValue ? int.MaxValue : Math.Abs(value);

    /// <summary>The absolute value; long.MinValue saturates to long.MaxValue instead of overflowing.</summary>
    public static long Abs(long value) => value == long.MinValue ? long.MaxValue : Math.Abs(value);

    public static decimal Abs(decimal value) => Math.Abs(value);

    public static double Abs(double value) => Math.Abs(value);

    /// <summary>The nearest whole number, halves away from zero (2.5 is 3, -2.5 is -3); beyond a long's range it fails.</summary>
    public static long Round(decimal value) => decimal.ToInt64(Math.Round(value, MidpointRounding.AwayFromZero));

    /// <summary>The nearest whole number, halves away from zero; beyond a long's range it fails instead of saturating.</summary>
    public static long Round(double value)
    {
        var rounded = Math.Round(value, MidpointRounding.AwayFromZero);
        return rounded is >= -9.2233720368547758E18 and < 9.2233720368547758E18
            ? (long)rounded
            : throw new OverflowException($"round({value.ToString("R", CultureInfo.InvariantCulture)}) is beyond the range of whole numbers.");
    }

    /// <summary>Rounded to <paramref name="digits"/> decimal places (0 to 28), halves away from zero.</summary>
    public static decimal Round(decimal value, int digits) => Math.Round(value, Digits(digits, 28), MidpointRounding.AwayFromZero);

    /// <summary>Rounded to <paramref name="digits"/> decimal places (0 to 15), halves away from zero.</summary>
    public static double Round(double value, int digits) => Math.Round(value, Digits(digits, 15), MidpointRounding.AwayFromZero);

    private static int Digits(int digits, int most) =>
        digits >= 0 && digits <= most
            ? digits
            : throw new ArgumentOutOfRangeException(nameof(digits), digits, $"round(x, digits) takes 0 to {most.ToString(CultureInfo.InvariantCulture)} digits.");

    /// <summary>
    /// Completed months from <paramref name="start"/> to <paramref name="end"/>, as NodaTime counts them:
    /// adding the months to the start (clamping to the month's last day) must not pass the end.
    /// </summary>
    internal static int MonthsBetween(LocalDate start, LocalDate end)
    {
        var months = ((end.Year - start.Year) * 12) + (end.Month - start.Month);
        if (months > 0 && start.PlusMonths(months) > end)
        {
            months--;
        }
        else if (months < 0 && start.PlusMonths(months) < end)
        {
            months++;
        }

        return months;
    }

    /// <summary>Completed years; a February 29th start reaches its anniversary on February 28th in non-leap years.</summary>
    internal static int YearsBetween(LocalDate start, LocalDate end)
    {
        var years = end.Year - start.Year;
        if (years > 0 && start.PlusYears(years) > end)
        {
            years--;
        }
        else if (years < 0 && start.PlusYears(years) < end)
        {
            years++;
        }

        return years;
    }
}
