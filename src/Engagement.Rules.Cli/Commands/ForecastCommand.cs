using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using Engagement.Rules.Cli.Forecasting;
using Engagement.Rules.Cli.Input;
using Engagement.Rules.Cli.Output;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Cli.Commands;

/// <summary><c>forecast</c>: the touches customers will get over the next N days, a per-day chart, optionally an HTML report.</summary>
internal static class ForecastCommand
{
    public static Command Create(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var facts = CommonOptions.Facts();
        var dealerships = CommonOptions.Dealerships();
        var at = CommonOptions.At();
        var customer = CommonOptions.Customer(required: false);
        var days = new Option<int>("--days", "-n")
        {
            Description = "How many days ahead (1-366).",
            Required = true,
        };
        days.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 1 or > 366)
            {
                result.AddError("--days must be between 1 and 366.");
            }
        });
        var parallel = new Option<int>("--parallel", "-p")
        {
            Description = "How many customers are forecast at once (the output does not depend on it).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallel must be at least 1.");
            }
        });
        var html = new Option<string?>("--html")
        {
            Description = "Also write a self-contained HTML report (with a chart) to this file.",
        };

        var command = new Command("forecast", "Forecast the touches over the next N days, with a per-day volume chart.")
        {
            rules, facts, dealerships, days, customer, at, parallel, html,
        };
        command.SetAction(parse => CliApplication.Execute(console, () =>
        {
            var from = InstantParser.Resolve(parse.GetValue(at), console.Clock);
            var horizon = parse.GetValue(days);
            var source = FactsSource.Open(parse.GetValue(facts)!, parse.GetValue(dealerships));
            var (_, compiled) = RuleSource.LoadAndCompile(parse.GetValue(rules)!, console);
            var evaluator = EngagementEvaluator.Create(compiled, new FixedClock(from));

            var only = parse.GetValue(customer);
            // Read first (bad JSON is reported before any work), then forecast in parallel; the touches are sorted below.
            List<CustomerFacts> customers = only is null ? source.ReadAll().ToList() : [source.FindCustomer(only)];
            var touches = new List<TouchDecision>();
            var count = customers.Count;
            var failures = new EngagementEvaluationException?[customers.Count];
            var outOfRange = new ArgumentOutOfRangeException?[customers.Count];
            using (var progress = new ProgressIndicator(console))
            {
                var forecasts = new EngagementForecast?[customers.Count];
                var options = new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(parallel) };
                Parallel.For(0, customers.Count, options, i =>
                {
                    // As in 'run': a customer whose rules fail is reported, and the others are still forecast.
                    try
                    {
                        forecasts[i] = evaluator.Forecast(customers[i], from, horizon);
                    }
                    catch (EngagementEvaluationException ex)
                    {
                        failures[i] = ex;
                    }
                    catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "from")
                    {
                        // The evaluator's own range check (its last day, at the same local time in the customer's zone,
                        // would pass its latest instant): bad input, reported below as one error.
                        outOfRange[i] = ex;
                    }
                });

                if (Array.FindIndex(outOfRange, e => e is not null) is var first and >= 0)
                {
                    throw new CliException(ExitCodes.BadInput, $"--at {from} with --days {horizon} would evaluate after {EngagementEvaluator.LatestInstant()} for customer {customers[first].Customer.CustomerId}, too close to the end of the calendar; start earlier or forecast fewer days.");
                }

                // Reported in input order, whatever the order they happened in.
                foreach (var (forecast, failure) in forecasts.Zip(failures))
                {
                    if (failure is not null)
                    {
                        progress.WriteError($"error: {failure.Message}");
                    }

                    touches.AddRange(forecast?.Decisions ?? []);
                    progress.Advance();
                }
            }

            var ordered = touches.OrderBy(t => t.DueAt).ThenBy(t => t.CustomerId, StringComparer.Ordinal).ThenBy(t => t.Topic, StringComparer.Ordinal).ToArray();
            var table = new TextTable(DecisionFormat.Headers);
            foreach (var touch in ordered)
            {
                table.Add(DecisionFormat.Cells(touch));
            }

            table.Write(console.Out);
            console.Out.WriteLine();
            var volume = DailyVolume.Of(ordered, from.InUtc().Date, horizon);
            var failed = failures.Count(f => f is not null);
            console.Out.WriteLine($"Touches per day ({volume.Total} over {Plural.Of(horizon, "day")}, {Plural.Of(count, "customer")}, {failed} failed):");
            TextBarChart.Write(console.Out, volume);

            if (parse.GetValue(html) is { } path)
            {
                HtmlReport.Write(path, HtmlReport.Build(from, horizon, count, ordered, volume));
                console.Error.WriteLine($"wrote {path}");
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }
}
