using System;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Formatting;

/// <summary>
/// ISO text of dates and instants, the same as the NodaTime ISO patterns give, written digit by digit in the common
/// case (ISO calendar, years 0 to 9999, whole seconds for instants) because explanations, reasons and values format
/// many of them per evaluation; anything else goes through the patterns.
/// </summary>
/// <remarks>Shared source: compiled into Engagement.Rules and Engagement.Rules.Yaml (an internal type of each).</remarks>
internal static class IsoText
{
    /// <summary><c>uuuu-MM-dd</c>, as <see cref="LocalDatePattern.Iso"/>.</summary>
    public static string Date(LocalDate value)
        => IsSimple(value) ? string.Create(10, value, static (span, v) => WriteDate(span, v)) : LocalDatePattern.Iso.Format(value);

    /// <summary><c>uuuu-MM-ddTHH:mm:ssZ</c> and fractions when there are some, as <see cref="InstantPattern.ExtendedIso"/>.</summary>
    public static string Instant(Instant value)
    {
        var utc = value.InUtc().LocalDateTime;
        if (!IsSimple(utc.Date) || utc.NanosecondOfSecond != 0)
        {
            return InstantPattern.ExtendedIso.Format(value);
        }

        return string.Create(20, utc, static (span, v) =>
        {
            WriteDate(span, v.Date);
            span[10] = 'T';
            WriteTime(span[11..], v, seconds: true);
            span[19] = 'Z';
        });
    }

    /// <summary>Writes <c>uuuu-MM-dd</c> (10 characters) of a date <see cref="IsSimple"/> accepts.</summary>
    public static void WriteDate(Span<char> span, LocalDate date)
    {
        var year = date.Year;
        Two(span, year / 100);
        Two(span[2..], year % 100);
        span[4] = '-';
        Two(span[5..], date.Month);
        span[7] = '-';
        Two(span[8..], date.Day);
    }

    /// <summary>Writes <c>HH:mm</c> (5 characters) or <c>HH:mm:ss</c> (8).</summary>
    public static void WriteTime(Span<char> span, LocalDateTime value, bool seconds)
    {
        Two(span, value.Hour);
        span[2] = ':';
        Two(span[3..], value.Minute);
        if (seconds)
        {
            span[5] = ':';
            Two(span[6..], value.Second);
        }
    }

    /// <summary>Whether a date formats as <c>uuuu-MM-dd</c> digit by digit: ISO calendar, year 0 to 9999.</summary>
    public static bool IsSimple(LocalDate date) => date.Year is >= 0 and <= 9999 && date.Calendar == CalendarSystem.Iso;

    private static void Two(Span<char> span, int value)
    {
        span[0] = (char)('0' + (value / 10));
        span[1] = (char)('0' + (value % 10));
    }
}
