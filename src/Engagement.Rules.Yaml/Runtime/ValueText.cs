using System;
using System.Globalization;
using Engagement.Rules.Formatting;
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
        LocalDate date => IsoText.Date(date),
        LocalTime time => LocalTimePattern.ExtendedIso.Format(time),
        LocalDateTime dateTime => LocalDateTimePattern.ExtendedIso.Format(dateTime),
        Instant instant => IsoText.Instant(instant),
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
}
