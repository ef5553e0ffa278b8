using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Engagement.Rules.Cli.Explain;
using Engagement.Rules.Cli.Input;
using Engagement.Rules.Cli.Output;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Explaining;
using NodaTime.Text;

namespace Engagement.Rules.Cli.Commands;

/// <summary>
/// <c>explain</c>: for one customer, the rules that fired (reason, matched facts), the proposals suppressed (why),
/// and for every rule that did not fire the first element and condition that failed.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var facts = CommonOptions.Facts();
        var dealerships = CommonOptions.Dealerships();
        var at = CommonOptions.At();
        var customer = CommonOptions.Customer(required: true);
        var command = new Command("explain", "Explain one customer's evaluation: what fired and why, what was suppressed, and why the other rules did not fire.")
        {
            rules, facts, dealerships, customer, at,
        };
        command.SetAction(parse => CliApplication.Execute(console, () =>
        {
            var instant = InstantParser.Resolve(parse.GetValue(at), console.Clock);
            var source = FactsSource.Open(parse.GetValue(facts)!, parse.GetValue(dealerships));
            var (_, compiled) = RuleSource.LoadAndCompile(parse.GetValue(rules)!, console);
            var customerFacts = source.FindCustomer(parse.GetValue(customer)!);

            var result = EngagementEvaluator.Create(compiled, new FixedClock(instant)).Evaluate(customerFacts, instant);
            var zone = customerFacts.Customer.TimeZone ?? customerFacts.Dealership.TimeZone;
            var explanation = new RuleExplainer(compiled).Explain(customerFacts, result);
            Write(console.Out, result, explanation, zone.Id);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Write(TextWriter o, EngagementResult result, CustomerExplanation explanation, string zone)
    {
        o.WriteLine($"Customer {result.CustomerId} at {InstantPattern.ExtendedIso.Format(result.EvaluatedAt)} (zone {zone})");
        foreach (var diagnostic in result.Diagnostics)
        {
            o.WriteLine($"  note: {diagnostic.Message}");
        }

        o.WriteLine();
        o.WriteLine($"Decisions ({Count(result.Decisions.Count)}):");
        foreach (var d in result.Decisions)
        {
            o.WriteLine($"  {d.Kind.Name} {d.Topic} via {d.Channel}, due {DecisionFormat.DueLocal(d.DueLocal)}{(d.Vin is null ? string.Empty : $", vehicle {d.Vin}")}");
            WriteExplanation(o, d.Explanation);
        }

        o.WriteLine();
        o.WriteLine($"Suppressed ({Count(result.Suppressed.Count + result.HeldOut.Count)}):");
        foreach (var s in result.Suppressed.Concat(result.HeldOut))
        {
            o.WriteLine($"  {s.Proposal.Kind.Name} {s.Proposal.Topic}: {s.Reason}");
            WriteExplanation(o, s.Explanation);
        }

        var fired = explanation.Rules.Where(r => r.Outcome == RuleOutcome.Fired).ToArray();
        o.WriteLine();
        o.WriteLine($"Rules that fired ({Count(fired.Length)}):");
        foreach (var rule in fired)
        {
            o.WriteLine($"  {rule.RuleId} ({Count(rule.FiringCount)}x) {rule.Location}".TrimEnd());
            foreach (var match in rule.Firings)
            {
                o.WriteLine($"    matched {string.Join(", ", match.Facts.Select(FactText.Describe))}");
            }

            WriteMore(o, rule.FiringCount, rule.Firings.Count, "firings");
        }

        var silent = explanation.Rules.Where(r => r.Outcome != RuleOutcome.Fired).ToArray();
        o.WriteLine();
        o.WriteLine($"Rules that did not fire ({Count(silent.Length)}):");
        foreach (var rule in silent)
        {
            o.WriteLine($"  {rule.RuleId} {rule.Location}".TrimEnd());
            if (rule.NotExplainedReason is { } reason)
            {
                o.WriteLine($"    not explained: {reason}");
                continue;
            }

            if (rule.Failure is not { } failure)
            {
                o.WriteLine("    every element matched, but the rule did not fire (it may have been cancelled by a later change of facts)");
                continue;
            }

            o.WriteLine($"    first failing element: {Count(failure.Index + 1)} of {Count(failure.Count)}, {ElementText.Describe(failure.Element)}");
            WriteDetail(o, failure, "    ");
        }
    }

    /// <summary>What the library found about a failing element: its condition, candidates, blocking facts, alternatives.</summary>
    private static void WriteDetail(TextWriter o, ElementFailure failure, string indent)
    {
        if (failure.Condition is { } condition)
        {
            o.WriteLine($"{indent}first failing condition: {Count(condition.Index + 1)}: {condition.Text}");
        }
        else if (failure.Kind == ElementFailureKind.NoFacts && failure.Element is PatternElement p)
        {
            o.WriteLine($"{indent}no {p.FactType.Name} fact at all");
        }
        else if (failure.Kind == ElementFailureKind.AggregateEmpty)
        {
            o.WriteLine($"{indent}no value (nothing to aggregate)");
        }

        if ((failure.Condition?.Location ?? failure.Location) is { } at)
        {
            o.WriteLine($"{indent}written at {at}");
        }

        foreach (var candidate in failure.Candidates)
        {
            var value = failure.Kind == ElementFailureKind.AggregateRejected
                ? $"value {Convert.ToString(candidate.Value, CultureInfo.InvariantCulture) ?? "(none)"}"
                : FactText.Describe(candidate.Value!);
            o.WriteLine($"{indent}candidate {value}: rejected by condition {Count(candidate.RejectedBy.Index + 1)}");
        }

        WriteMore(o, failure.CandidateCount, failure.Candidates.Count, "candidates", indent);
        foreach (var blocking in failure.Blocking)
        {
            o.WriteLine($"{indent}{(failure.Kind == ElementFailureKind.CounterExample ? "fails it" : "blocked by")}: {string.Join(", ", blocking.Facts.Select(FactText.Describe))}");
        }

        WriteMore(o, failure.BlockingCount, failure.Blocking.Count, "matches", indent);
        for (var i = 0; i < failure.Inner.Count; i++)
        {
            var inner = failure.Inner[i];
            var where = failure.Kind == ElementFailureKind.NoAlternativeMatched ? $"alternative {Count(i + 1)}" : "inside";
            o.WriteLine($"{indent}{where}: first failing element: {Count(inner.Index + 1)} of {Count(inner.Count)}, {ElementText.Describe(inner.Element)}");
            WriteDetail(o, inner, indent + "  ");
        }
    }

    private static void WriteMore(TextWriter o, int total, int shown, string what, string indent = "    ")
    {
        if (total > shown)
        {
            o.WriteLine($"{indent}... {Count(total - shown)} more {what} not shown");
        }
    }

    private static void WriteExplanation(TextWriter o, DecisionExplanation explanation)
    {
        foreach (var line in explanation.ToLines())
        {
            o.WriteLine($"    {line}");
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
