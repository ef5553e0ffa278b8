using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Engagement.Rules.WorkerSample;

/// <summary>
/// Re-evaluates each dealership's customers every night at 02:00 in the dealership's zone, and any customer whose
/// facts change as soon as the change arrives. With <see cref="WorkerSettings.Once"/>, evaluates everyone once and
/// stops the application.
/// </summary>
public sealed partial class EngagementWorker(
    IEngagementEvaluator evaluator,
    IClock clock,
    FactStore store,
    FactChanges changes,
    WorkerSettings settings,
    IHostApplicationLifetime lifetime,
    ILogger<EngagementWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Once)
        {
            await EvaluateAsync("once", null, stoppingToken);
            lifetime.StopApplication();
            return;
        }

        await Task.WhenAll(NightlyAsync(stoppingToken), ChangesAsync(stoppingToken));
    }

    private async Task NightlyAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var (at, dealerships) = NightlySchedule.NextRun(clock.GetCurrentInstant(), store.Dealerships);
            var names = string.Join(", ", dealerships.Select(d => d.DealershipId));
            LogNextRun(logger, at, names);
            var wait = at - clock.GetCurrentInstant();
            if (wait > Duration.Zero)
            {
                await Task.Delay(wait.ToTimeSpan(), stoppingToken);
            }

            await EvaluateAsync("nightly", dealerships.Select(d => d.DealershipId).ToHashSet(StringComparer.Ordinal), stoppingToken);
        }
    }

    private async Task ChangesAsync(CancellationToken stoppingToken)
    {
        await foreach (var facts in changes.ReadAllAsync(stoppingToken))
        {
            var result = evaluator.Evaluate(facts);
            Report($"change {facts.Customer.CustomerId}", [result]);
        }
    }

    private async Task EvaluateAsync(string run, IReadOnlySet<string>? dealershipIds, CancellationToken stoppingToken)
    {
        var results = new List<EngagementResult>();
        await foreach (var result in evaluator.EvaluateAsync(store.ReadAsync(dealershipIds, stoppingToken), Environment.ProcessorCount, stoppingToken))
        {
            results.Add(result);
        }

        Report(run, [.. results]);
    }

    // The sample only reports its decisions. A host that schedules them must also pass the ones not yet sent back
    // with the customer's facts, as TouchSent (TouchId = IdempotencyKey, SentAt = DueAt), until they are sent or
    // dropped: otherwise the next night proposes them again under a new key (docs/decisions.md).
    private void Report(string run, EngagementResult[] results)
    {
        var decisions = results.SelectMany(r => r.Decisions).ToArray();
        var failed = results.SelectMany(r => r.Diagnostics).Where(d => d.Code == EngagementDiagnosticCode.EvaluationFailed).ToArray();
        settings.Output.WriteLine($"[{run}] {results.Length} customers: {decisions.Length} touches decided, {results.Sum(r => r.Suppressed.Count)} suppressed, {failed.Length} failed");
        foreach (var touch in decisions.Where(d => d.Topic == "sales.trade-in"))
        {
            settings.Output.WriteLine($"[{run}] trade-in offer for {touch.CustomerId} ({touch.Vin}) by {touch.Channel} at {touch.DueLocal}: {touch.Explanation.Reason}");
        }

        foreach (var failure in failed)
        {
            settings.Output.WriteLine($"[{run}] error: {failure.Message}");
            settings.ExitCode = 1;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Next nightly run at {At} for {Dealerships}")]
    private static partial void LogNextRun(ILogger logger, Instant at, string dealerships);
}
