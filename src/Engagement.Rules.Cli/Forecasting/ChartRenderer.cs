using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using NodaTime.Text;

namespace Engagement.Rules.Cli.Forecasting;

/// <summary>
/// The per-day volume as an SVG bar chart: drawn by ScottPlot; when ScottPlot cannot run (its native SkiaSharp
/// library missing on the machine), a plain SVG drawn here, so that the report is always written.
/// </summary>
internal static class ChartRenderer
{
    private const int ChartWidth = 900;
    private const int ChartHeight = 400;
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("MM-dd");

    public static (string Svg, string Renderer) Render(DailyVolume volume)
    {
        try
        {
            return (RenderWithScottPlot(volume), "ScottPlot");
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            return (RenderPlain(volume), "built-in SVG (ScottPlot could not load its native library)");
        }
    }

    private static string RenderWithScottPlot(DailyVolume volume)
    {
        var plot = new ScottPlot.Plot();
        var values = volume.Days.Select(d => (double)d.Count).ToArray();
        var bars = plot.Add.Bars(values);
        bars.Color = ScottPlot.Color.FromHex("#2b6cb0");
        var ticks = volume.Days
            .Select((d, i) => new ScottPlot.Tick(i, i % Math.Max(1, volume.Days.Count / 15) == 0 ? Day.Format(d.Day) : string.Empty))
            .ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Touches per day");
        plot.YLabel("touches");
        plot.XLabel("due date (customer's local date)");
        var svg = plot.GetSvgXml(ChartWidth, ChartHeight);

        // Inline SVG in HTML must not carry an XML declaration.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>The fallback: one rect per day, labels every few days; no dependencies.</summary>
    internal static string RenderPlain(DailyVolume volume)
    {
        const int left = 50, bottom = 40, top = 30;
        var max = Math.Max(1, volume.Max);
        var n = Math.Max(1, volume.Days.Count);
        var plotWidth = ChartWidth - left - 20;
        var plotHeight = ChartHeight - top - bottom;
        var slot = plotWidth / (double)n;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartWidth / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">Touches per day</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 4}\" text-anchor=\"end\">{max}</text><text x=\"{left - 6}\" y=\"{top + plotHeight}\" text-anchor=\"end\">0</text>");
        for (var i = 0; i < volume.Days.Count; i++)
        {
            var (day, count) = volume.Days[i];
            var h = count * plotHeight / (double)max;
            var x = left + (i * slot) + (slot * 0.1);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{top + plotHeight - h:0.##}\" width=\"{slot * 0.8:0.##}\" height=\"{h:0.##}\" fill=\"#2b6cb0\"><title>{WebUtility.HtmlEncode(Day.Format(day))}: {count}</title></rect>");
            if (i % Math.Max(1, n / 15) == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (slot * 0.4):0.##}\" y=\"{top + plotHeight + 15}\" text-anchor=\"middle\">{Day.Format(day)}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
