using System;
using System.Globalization;
using System.Text;
using Engagement.Rules.Formatting;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Yaml.Runtime;

/// <summary>
/// Renders a rule value as text for personalisation values, reasons and evidence: culture-invariant,
/// ISO dates, times, periods and durations, enum names, the same text on every machine.
/// </summary>
internal static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        LocalDate date => IsoText.Date(date),
        LocalTime time => LocalTimePattern.ExtendedIso.Format(time),
        LocalDateTime dateTime => LocalDateTimePattern.ExtendedIso.Format(dateTime),
        Instant instant => IsoText.Instant(instant),
        Duration duration => IsoDuration(duration),
        Period period => PeriodPattern.Roundtrip.Format(period),
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
            return IsoText.Date((LocalDate)(object)value!);
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
            return IsoText.Instant((Instant)(object)value!);
        }

        return Format(value);
    }

    /// <summary>
    /// ISO 8601 text of a duration, as <see cref="PeriodPattern.NormalizingIso"/> writes the period of the same
    /// parts: <c>PT3H</c>, <c>P3DT4H30M</c>, <c>PT1.5S</c>, <c>P0D</c> for zero; a negative duration's parts are
    /// negative (<c>PT-3H</c>). A day is 24 hours, as in the rule language.
    /// </summary>
    /// <remarks>
    /// NodaTime has ISO patterns for periods but not for durations, and normalizing a period of a duration's parts
    /// overflows past about 292 years, so the parts (truncated toward zero, hence all of one sign) are written here.
    /// </remarks>
    private static string IsoDuration(Duration duration)
    {
        if (duration == Duration.Zero)
        {
            return "P0D";
        }

        var text = new StringBuilder("P");
        Part(text, duration.Days, 'D');
        var seconds = duration.Seconds;
        var nanoseconds = duration.SubsecondNanoseconds;
        if (duration.Hours != 0 || duration.Minutes != 0 || seconds != 0 || nanoseconds != 0)
        {
            text.Append('T');
            Part(text, duration.Hours, 'H');
            Part(text, duration.Minutes, 'M');
            if (seconds != 0 || nanoseconds != 0)
            {
                // One sign for seconds and their fraction: -0.5 seconds is -0.5S.
                text.Append(seconds < 0 || nanoseconds < 0 ? "-" : string.Empty)
                    .Append(Math.Abs(seconds).ToString(CultureInfo.InvariantCulture));
                if (nanoseconds != 0)
                {
                    text.Append('.').Append(Math.Abs(nanoseconds).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                text.Append('S');
            }
        }

        return text.ToString();
    }

    private static void Part(StringBuilder text, int value, char unit)
    {
        if (value != 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
