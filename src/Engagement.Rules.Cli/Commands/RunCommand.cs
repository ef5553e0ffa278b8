using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Cli.Input;
using Engagement.Rules.Cli.Output;
using Engagement.Rules.Decisions;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Cli.Commands;

/// <summary><c>run</c>: evaluates every customer of a facts file and prints the decisions as a table or JSON Lines.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var facts = CommonOptions.Facts();
        var dealerships = CommonOptions.Dealerships();
        var at = CommonOptions.At();
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or json (JSON Lines, one result per customer, for programs; the summary goes to stderr).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var parallel = new Option<int>("--parallel", "-p")
        {
            Description = "How many customers are evaluated at once (results stay in input order).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallel must be at least 1.");
            }
        });

        var command = new Command("run", "Evaluate every customer of a facts file and print the touch decisions.")
        {
            rules, facts, dealerships, at, format, parallel,
        };
        command.SetAction((parse, cancellationToken) => CliApplication.ExecuteAsync(
            console,
            ct => RunAsync(
                console,
                parse.GetValue(rules)!,
                parse.GetValue(facts)!,
                parse.GetValue(dealerships),
                parse.GetValue(at),
                parse.GetValue(format) == "json",
                parse.GetValue(parallel),
                ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string[] rulePaths, string factsFile, string? dealershipsFile, string? atText, bool json, int parallel, CancellationToken cancellationToken)
    {
        var instant = InstantParser.Resolve(atText, console.Clock);
        var source = FactsSource.Open(factsFile, dealershipsFile);
        var (_, compiled) = RuleSource.LoadAndCompile(rulePaths, console);
        var evaluator = EngagementEvaluator.Create(compiled, new FixedClock(instant));

        var summary = new RunSummary();
        var table = new TextTable(DecisionFormat.Headers);
        using (var progress = new ProgressIndicator(console))
        {
            try
            {
                await foreach (var result in evaluator.EvaluateAsync(source.ReadAllAsync(cancellationToken), parallel, cancellationToken).ConfigureAwait(false))
                {
                    progress.Advance();
                    summary.Add(result);
                    Report(result, json, progress);
                    if (json)
                    {
                        EngagementJson.WriteResults(console.Out, [result]);
                    }
                    else
                    {
                        foreach (var decision in result.Decisions)
                        {
                            table.Add(DecisionFormat.Cells(decision));
                        }
                    }
                }
            }
            catch (CliException) when (!json)
            {
                // A bad facts line: the results of the lines before it are output, as JSON Lines already are, then
                // the located error. The summary is left out: it would count a run that did not finish.
                table.Write(console.Out);
                throw;
            }
        }

        if (summary.Customers == 0)
        {
            // Not an error (a night with nothing to do is legitimate), but a wrong path or filter usually is.
            console.Error.WriteLine($"warning: {factsFile} holds no customers; nothing was evaluated.");
        }

        if (json)
        {
            summary.Write(console.Error);
        }
        else
        {
            table.Write(console.Out);
            console.Out.WriteLine();
            summary.Write(console.Out);
        }

        return summary.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// A customer whose evaluation failed is an <c>error:</c> line (its message names the customer, the rule and
    /// the exception) in both formats; the other diagnostics are notes for people, and in JSON they are part of
    /// each result.
    /// </summary>
    private static void Report(EngagementResult result, bool json, ProgressIndicator progress)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            if (RunSummary.IsFailure(diagnostic))
            {
                progress.WriteError($"error: {diagnostic.Message}");
            }
            else if (!json)
            {
                progress.WriteError($"note: {diagnostic.Message}");
            }
        }
    }
}
