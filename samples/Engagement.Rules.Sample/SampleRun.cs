using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;
using Engagement.Rules.Yaml;
using NodaTime;

namespace Engagement.Rules.Sample;

/// <summary>The sample's core: load the rules, read the data, evaluate every customer at one instant.</summary>
public static class SampleRun
{
    /// <summary>The sample data set's reference date, 2026-11-24, mid-morning in North America.</summary>
    public static Instant ReferenceInstant { get; } = Instant.FromUtc(2026, 11, 24, 15, 0);

    /// <summary>The folder holding Engagement.Rules.sln, found by walking up from <paramref name="start"/>; null when there is none.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Engagement.Rules.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>Loads the rules in <paramref name="rulesPath"/> and evaluates the customers in <paramref name="dataPath"/> at <paramref name="at"/>.</summary>
    /// <param name="rulesPath">A rule folder or file.</param>
    /// <param name="dataPath">A folder with dealership.json and customers.jsonl.</param>
    /// <param name="at">The evaluation instant (the clock is fixed there, so output is deterministic).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<SampleOutcome> RunAsync(string rulesPath, string dataPath, Instant at, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var (path, what) in new[] { (rulesPath, "rule folder"), (Path.Combine(dataPath, "dealership.json"), "dealership file"), (Path.Combine(dataPath, "customers.jsonl"), "customers file") })
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                errors.Add($"error: {path}: the {what} does not exist.");
            }
        }

        if (errors.Count > 0)
        {
            return Failed(errors, at);
        }

        var loaded = new RuleFileLoader().Load([rulesPath]);
        if (!loaded.Success)
        {
            return Failed(loaded.Diagnostics.Select(d => d.Format()).ToArray(), at);
        }

        var evaluator = EngagementEvaluator.Create(RuleCompiler.Compile(loaded.Rules, loaded.Fingerprint), new FixedClock(at));

        await using var settings = File.OpenRead(Path.Combine(dataPath, "dealership.json"));
        var reader = new FactsReader(EngagementJson.ReadDealerships(settings));
        await using var lines = File.OpenRead(Path.Combine(dataPath, "customers.jsonl"));
        var vehicles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var customers = Remember(reader.ReadCustomerFactsLinesAsync(lines, e => errors.Add(FactsError(Path.Combine(dataPath, "customers.jsonl"), e))), vehicles);

        var results = new List<EngagementResult>();
        await foreach (var result in evaluator.EvaluateAsync(customers, Environment.ProcessorCount, cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        foreach (var failure in results.SelectMany(r => r.Diagnostics.Where(d => d.Code == EngagementDiagnosticCode.EvaluationFailed)))
        {
            errors.Add($"error: {failure.Message}");
        }

        return new SampleOutcome(errors, results, vehicles, at, loaded.Rules.Count);
    }

    // As the command-line tool writes it: "file:line: error: $.path: reason".
    private static string FactsError(string file, FactsFormatException error) =>
        $"{file}{(error.LineNumber is { } line ? $":{line}" : string.Empty)}: error: {(error.Path is { } path ? $"{path}: " : string.Empty)}{error.Reason}";

    private static SampleOutcome Failed(IReadOnlyList<string> errors, Instant at) =>
        new(errors, [], new Dictionary<string, string>(), at, 0);

    private static async IAsyncEnumerable<CustomerFacts> Remember(IAsyncEnumerable<CustomerFacts> customers, Dictionary<string, string> vehicles)
    {
        await foreach (var facts in customers.ConfigureAwait(false))
        {
            lock (vehicles)
            {
                foreach (var vehicle in facts.Facts.OfType<Vehicle>())
                {
                    vehicles[vehicle.Vin.Value] = $"{vehicle.ModelYear} {vehicle.Make} {vehicle.Model}";
                }
            }

            yield return facts;
        }
    }
}
