using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <summary>
/// Values as text in personalisation values, reasons and evidence, written the way the rule language documents
/// them (docs/rule-expressions.md): culture-invariant, ISO dates and instants, enum names, numbers invariant.
/// </summary>
internal static class BaselineText
{
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Format(LocalDate? date) => date is { } d ? Format(d) : string.Empty;

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(AnnualDate date) => date.ToString(null, CultureInfo.InvariantCulture);

    public static string Format<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();
}
