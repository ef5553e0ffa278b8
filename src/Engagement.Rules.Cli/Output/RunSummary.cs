using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Cli.Output;

/// <summary>
/// Counts of a run: customers, decisions by kind and topic, suppressions by reason, diagnostics, and the customers
/// whose evaluation failed (counted apart from the other diagnostics, which are warnings).
/// </summary>
internal sealed class RunSummary
{
    private readonly SortedDictionary<(string Kind, string Topic), int> _byKindAndTopic = new();
    private readonly SortedDictionary<string, int> _suppressedByReason = new(StringComparer.Ordinal);

    public int Customers { get; private set; }

    public int Decisions { get; private set; }

    public int Suppressed { get; private set; }

    public int HeldOut { get; private set; }

    public int Diagnostics { get; private set; }

    public int Failed { get; private set; }

    /// <summary>The fingerprint of the rules that decided (one evaluator, one rule set, in a run).</summary>
    public string? RuleSetFingerprint { get; private set; }

    public void Add(EngagementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Customers++;
        RuleSetFingerprint ??= result.RuleSetFingerprint;
        Decisions += result.Decisions.Count;
        Suppressed += result.Suppressed.Count;
        HeldOut += result.HeldOut.Count;
        var failed = result.Diagnostics.Count(IsFailure);
        Failed += failed > 0 ? 1 : 0;
        Diagnostics += result.Diagnostics.Count - failed;
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

    /// <summary>Whether a diagnostic says that the customer's evaluation failed at run time (an error, not a warning).</summary>
    public static bool IsFailure(EngagementDiagnostic diagnostic) =>
        diagnostic.Code == EngagementDiagnosticCode.EvaluationFailed;

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(
            $"{Plural.Of(Customers, "customer")}, {Plural.Of(Decisions, "decision")}, {Suppressed} suppressed, {HeldOut} held out, "
            + $"{Plural.Of(Diagnostics, "diagnostic")}, {Failed} failed");
        if (RuleSetFingerprint is not null)
        {
            // Which version of the rules decided: the same fingerprint as every JSON result's ruleSetFingerprint.
            writer.WriteLine($"rule set {RuleSetFingerprint}");
        }

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
