using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Engagement.Rules.Cli.Explain;
using Engagement.Rules.Cli.Input;
using Engagement.Rules.Cli.Output;
using Engagement.Rules.Decisions;
using Engagement.Rules.Evaluation;
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
            var (definitions, compiled) = RuleSource.LoadAndCompile(parse.GetValue(rules)!, console);
            var customerFacts = source.FindCustomer(parse.GetValue(customer)!);

            var result = EngagementEvaluator.Create(compiled, new FixedClock(instant)).Evaluate(customerFacts, instant);
            var zone = customerFacts.Customer.TimeZone ?? customerFacts.Dealership.TimeZone;
            var report = RuleProbe.Run(definitions, customerFacts, new EvaluationContext(instant, zone));
            Write(console.Out, result, report, zone.Id);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Write(TextWriter o, EngagementResult result, ProbeReport report, string zone)
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

        o.WriteLine();
        o.WriteLine($"Rules that fired ({Count(report.Fired.Count)}):");
        foreach (var fired in report.Fired)
        {
            o.WriteLine($"  {fired.Rule.Id} ({Count(fired.Matches.Count)}x) {ElementText.Source(fired.Rule)}".TrimEnd());
            foreach (var match in fired.Matches)
            {
                o.WriteLine($"    matched {string.Join(", ", match.Select(FactText.Describe))}");
            }
        }

        o.WriteLine();
        o.WriteLine($"Rules that did not fire ({Count(report.NotFired.Count)}):");
        foreach (var failure in report.NotFired)
        {
            o.WriteLine($"  {failure.Rule.Id} {ElementText.Source(failure.Rule)}".TrimEnd());
            if (failure.Element is null || failure.ElementIndex is not { } index)
            {
                o.WriteLine("    every element matched, but the rule did not fire (it may have been cancelled by a later change of facts)");
                continue;
            }

            var total = failure.Rule.LeftHandSide.Elements.Count;
            o.WriteLine($"    first failing element: {Count(index + 1)} of {Count(total)}, {ElementText.Describe(failure.Element)}");
            if (failure.Condition is not null && failure.ConditionIndex is { } c)
            {
                o.WriteLine($"    first failing condition: {Count(c + 1)}: {ElementText.Describe(failure.Condition)}");
            }
            else if (failure.Element is Engine.Model.PatternElement p)
            {
                o.WriteLine($"    no {p.FactType.Name} fact at all");
            }
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
