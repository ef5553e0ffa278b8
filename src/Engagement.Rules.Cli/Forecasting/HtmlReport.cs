using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Engagement.Rules.Cli.Output;
using Engagement.Rules.Decisions;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Cli.Forecasting;

/// <summary>A self-contained HTML forecast report: the chart is inline SVG, no script, no external file, so it opens offline.</summary>
internal static class HtmlReport
{
    public static string Build(Instant from, int days, int customers, IReadOnlyList<TouchDecision> touches, DailyVolume volume)
    {
        var (svg, renderer) = ChartRenderer.Render(volume);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Engagement forecast</title>");
        html.AppendLine("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}th{background:#eee}</style>");
        html.AppendLine("</head><body>");
        html.AppendLine("<h1>Engagement forecast</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>From {Encode(InstantPattern.ExtendedIso.Format(from))}, {Plural.Of(days, "day")}, {Plural.Of(customers, "customer")}, {Plural.Of(touches.Count, "touch", "touches")}.</p>").AppendLine();
        html.Append("<figure>").Append(svg).Append(CultureInfo.InvariantCulture, $"<figcaption>Rendered by {Encode(renderer)}.</figcaption></figure>").AppendLine();

        html.AppendLine("<h2>By kind and topic</h2><table><tr><th>kind</th><th>topic</th><th>touches</th></tr>");
        foreach (var group in touches.GroupBy(t => (t.Kind.Name, t.Topic)).OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Topic, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(group.Key.Name)}</td><td>{Encode(group.Key.Topic)}</td><td>{group.Count()}</td></tr>").AppendLine();
        }

        html.AppendLine("</table>");
        html.AppendLine("<h2>Touches</h2><table><tr>" + string.Concat(DecisionFormat.Headers.Select(h => $"<th>{Encode(h)}</th>")) + "</tr>");
        foreach (var touch in touches)
        {
            html.AppendLine("<tr>" + string.Concat(DecisionFormat.Cells(touch).Select(c => $"<td>{Encode(c)}</td>")) + "</tr>");
        }

        html.AppendLine("</table></body></html>");
        return html.ToString();
    }

    public static void Write(string path, string html)
    {
        try
        {
            File.WriteAllText(path, html, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException(ExitCodes.BadInput, $"{path}: cannot write the report: {ex.Message}");
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
