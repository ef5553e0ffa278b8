using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Yaml.Runtime;

/// <summary>
/// Renders a rule value as text for personalisation values, reasons and evidence: culture-invariant,
/// ISO dates and times, enum names, the same text on every machine.
/// </summary>
internal static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        LocalDate date => Date(date),
        LocalTime time => LocalTimePattern.ExtendedIso.Format(time),
        LocalDateTime dateTime => LocalDateTimePattern.ExtendedIso.Format(dateTime),
        Instant instant => Instant(instant),
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// <see cref="Format(object?)"/> for a value of static type <typeparamref name="T"/>, without boxing the
    /// common value types (compiled reasons and values call it with the expression's own type); same text.
    /// </summary>
    public static string FormatValue<T>(T value)
    {
        // Each test is a constant in the code the JIT makes per value type; (X)(object)value does not box there.
        if (typeof(T) == typeof(LocalDate))
        {
            return Date((LocalDate)(object)value!);
        }

        if (typeof(T) == typeof(int))
        {
            return ((int)(object)value!).ToString(CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(long))
        {
            return ((long)(object)value!).ToString(CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(decimal))
        {
            return ((decimal)(object)value!).ToString(CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(double))
        {
            return ((double)(object)value!).ToString(CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(bool))
        {
            return (bool)(object)value! ? "true" : "false";
        }

        if (typeof(T) == typeof(NodaTime.Instant))
        {
            return Instant((Instant)(object)value!);
        }

        return Format(value);
    }

    // Reasons and values format a date or instant in most proposals: the common case (ISO calendar, years 0 to
    // 9999, whole seconds) is written digit by digit; the NodaTime patterns give the same text for it and handle
    // the rest.
    private static string Date(LocalDate date)
        => IsSimple(date) ? string.Create(10, date, static (span, d) => WriteDate(span, d)) : LocalDatePattern.Iso.Format(date);

    private static string Instant(Instant instant)
    {
        var utc = instant.InUtc().LocalDateTime;
        if (!IsSimple(utc.Date) || utc.NanosecondOfSecond != 0)
        {
            return InstantPattern.ExtendedIso.Format(instant);
        }

        return string.Create(20, utc, static (span, v) =>
        {
            WriteDate(span, v.Date);
            span[10] = 'T';
            Two(span[11..], v.Hour);
            span[13] = ':';
            Two(span[14..], v.Minute);
            span[16] = ':';
            Two(span[17..], v.Second);
            span[19] = 'Z';
        });
    }

    private static bool IsSimple(LocalDate date) => date.Year is >= 0 and <= 9999 && date.Calendar == CalendarSystem.Iso;

    // uuuu-MM-dd
    private static void WriteDate(Span<char> span, LocalDate date)
    {
        Two(span, date.Year / 100);
        Two(span[2..], date.Year % 100);
        span[4] = '-';
        Two(span[5..], date.Month);
        span[7] = '-';
        Two(span[8..], date.Day);
    }

    private static void Two(Span<char> span, int value)
    {
        span[0] = (char)('0' + (value / 10));
        span[1] = (char)('0' + (value % 10));
    }
}
