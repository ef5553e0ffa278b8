using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime.Text;

namespace Engagement.Rules.Sample;

/// <summary>Prints a sample run: the touch decisions as a table, then a summary.</summary>
public static class SampleReport
{
    private static readonly ZonedDateTimePattern DuePattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm x", null);

    public static void Write(SampleOutcome outcome, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(output);
        var decisions = outcome.Results.SelectMany(r => r.Decisions).ToArray();
        output.WriteLine($"Engagement.Rules sample: {outcome.RuleCount} rules, {outcome.Results.Count} customers, evaluated at {outcome.EvaluatedAt}");
        output.WriteLine();
        WriteTable(
            output,
            ["Customer", "Vehicle", "Kind", "Topic", "Channel", "Due (customer's local time)", "Rule"],
            decisions.Select(d => new[]
            {
                d.CustomerId,
                d.Vin is null ? "-" : outcome.Vehicles.GetValueOrDefault(d.Vin, d.Vin),
                d.Kind.Name,
                d.Topic,
                d.Channel.ToString(),
                DuePattern.Format(d.DueLocal),
                d.RuleId,
            }));

        var suppressed = outcome.Results.SelectMany(r => r.Suppressed).ToArray();
        var heldOut = outcome.Results.SelectMany(r => r.HeldOut).ToArray();
        output.WriteLine();
        output.WriteLine($"Summary: {decisions.Length} touches decided, {suppressed.Length} suppressed, {heldOut.Length} held out (control group).");
        WriteCounts(output, "Decided by kind", decisions.Select(d => d.Kind.Name));
        WriteCounts(output, "Decided by topic", decisions.Select(d => d.Topic));
        WriteCounts(output, "Decided by class", decisions.Select(d => d.Class.ToString()));
        WriteCounts(output, "Suppressed by reason", suppressed.Select(s => s.Reason.ToString()));
        WriteCounts(output, "Held out by topic", heldOut.Select(s => s.Proposal.Topic));
        WriteCounts(output, "Diagnostics by code", outcome.Results.SelectMany(r => r.Diagnostics).Select(d => d.Code.ToString()));
    }

    private static void WriteCounts(TextWriter output, string title, IEnumerable<string> values)
    {
        var counts = values.GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
        output.WriteLine();
        output.WriteLine($"{title}:");
        if (counts.Length == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        var width = counts.Max(c => c.Name.Length);
        foreach (var (name, count) in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}  {count,5}"));
        }
    }

    private static void WriteTable(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        if (all.Count == 0)
        {
            output.WriteLine("(no touch decided)");
            return;
        }

        var widths = header.Select((h, i) => Math.Max(h.Length, all.Max(r => r[i].Length))).ToArray();
        void Line(IReadOnlyList<string> cells) => output.WriteLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in all)
        {
            Line(row);
        }
    }
}
