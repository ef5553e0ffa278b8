using System;
using System.Globalization;
using System.IO;
using NodaTime.Text;

namespace Engagement.Rules.Cli.Forecasting;

/// <summary>A horizontal bar chart of touches per day for the terminal.</summary>
internal static class TextBarChart
{
    private const int Width = 50;
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd ddd");

    public static void Write(TextWriter writer, DailyVolume volume)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(volume);
        var max = Math.Max(1, volume.Max);
        foreach (var (day, count) in volume.Days)
        {
            // Any non-zero day gets at least one block, so that it is not mistaken for an empty day.
            var length = count == 0 ? 0 : Math.Max(1, (int)Math.Round(count * (double)Width / max));
            writer.WriteLine($"{Day.Format(day)} | {new string('#', length)} {count.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
