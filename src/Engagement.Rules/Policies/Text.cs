using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Policies;

/// <summary>Invariant formats for explanations.</summary>
internal static class Text
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    public static string Local(LocalDateTime value) => LocalPattern.Format(value);

    public static string Local(Instant value, DateTimeZone zone) => LocalPattern.Format(value.InZone(zone).LocalDateTime);

    public static string Date(LocalDate value) => LocalDatePattern.Iso.Format(value);

    public static string Instant(Instant value) => InstantPattern.ExtendedIso.Format(value);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
