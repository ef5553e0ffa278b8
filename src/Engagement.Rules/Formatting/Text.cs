using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Formatting;

/// <summary>Invariant formats for explanations (dates and instants: <see cref="IsoText"/>).</summary>
internal static class Text
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    /// <summary><c>uuuu-MM-dd HH:mm</c>, digit by digit in the common case (see <see cref="IsoText"/>).</summary>
    public static string Local(LocalDateTime value)
    {
        if (!IsoText.IsSimple(value.Date))
        {
            return LocalPattern.Format(value);
        }

        return string.Create(16, value, static (span, v) =>
        {
            IsoText.WriteDate(span, v.Date);
            span[10] = ' ';
            IsoText.WriteTime(span[11..], v, seconds: false);
        });
    }

    public static string Local(Instant value, DateTimeZone zone) => Local(value.InZone(zone).LocalDateTime);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
