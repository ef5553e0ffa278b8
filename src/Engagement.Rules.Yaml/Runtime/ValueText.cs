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
        LocalDate date => LocalDatePattern.Iso.Format(date),
        LocalTime time => LocalTimePattern.ExtendedIso.Format(time),
        LocalDateTime dateTime => LocalDateTimePattern.ExtendedIso.Format(dateTime),
        Instant instant => InstantPattern.ExtendedIso.Format(instant),
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
