using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Cli.Output;

/// <summary>Counts of a run: customers, decisions by kind and topic, suppressions by reason, diagnostics.</summary>
internal sealed class RunSummary
{
    private readonly SortedDictionary<(string Kind, string Topic), int> _byKindAndTopic = new();
    private readonly SortedDictionary<string, int> _suppressedByReason = new(StringComparer.Ordinal);

    public int Customers { get; private set; }

    public int Decisions { get; private set; }

    public int Suppressed { get; private set; }

    public int HeldOut { get; private set; }

    public int Diagnostics { get; private set; }

    public void Add(EngagementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Customers++;
        Decisions += result.Decisions.Count;
        Suppressed += result.Suppressed.Count;
        HeldOut += result.HeldOut.Count;
        Diagnostics += result.Diagnostics.Count;
        foreach (var d in result.Decisions)
        {
            var key = (d.Kind.Name, d.Topic);
            _byKindAndTopic[key] = _byKindAndTopic.GetValueOrDefault(key) + 1;
        }

        foreach (var s in result.Suppressed.Concat(result.HeldOut))
        {
            var reason = s.Reason.ToString();
            _suppressedByReason[reason] = _suppressedByReason.GetValueOrDefault(reason) + 1;
        }
    }

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"{Customers} customers, {Decisions} decisions, {Suppressed} suppressed, {HeldOut} held out, {Diagnostics} diagnostics");
        if (_byKindAndTopic.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Decisions by kind and topic:");
            var table = new TextTable("kind", "topic", "count");
            foreach (var ((kind, topic), count) in _byKindAndTopic)
            {
                table.Add(kind, topic, DecisionFormat.Count(count));
            }

            table.Write(writer);
        }

        if (_suppressedByReason.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Suppressed and held out by reason:");
            var table = new TextTable("reason", "count");
            foreach (var (reason, count) in _suppressedByReason)
            {
                table.Add(reason, DecisionFormat.Count(count));
            }

            table.Write(writer);
        }
    }
}
