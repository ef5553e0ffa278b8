using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Engagement.Rules.Decisions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.Rules.Telemetry;

/// <summary>
/// Where an evaluator reports what it does: logs through an <see cref="ILoggerFactory"/> (category
/// <see cref="LoggerCategory"/>) and metrics on a <see cref="Meter"/> named <see cref="MeterName"/>, so that
/// OpenTelemetry picks them up with <c>AddMeter("Engagement.Rules")</c>. Create one per application and share it
/// between evaluators (a hot-reloaded rule set gets a new evaluator, not new instruments). Thread-safe.
/// </summary>
/// <remarks>
/// Instruments: <see cref="EvaluationsInstrument"/>, <see cref="RulesFiredInstrument"/> (tagged by rule id: fine
/// for a few hundred rules, but every rule id is a time series), <see cref="TouchesDecidedInstrument"/>,
/// <see cref="TouchesSuppressedInstrument"/> and <see cref="EvaluationDurationInstrument"/>; see docs/embedding.md.
/// </remarks>
public sealed class EngagementTelemetry : IDisposable
{
    /// <summary>The name of the meter every instrument is created on.</summary>
    public const string MeterName = "Engagement.Rules";

    /// <summary>The logger category of evaluation logs.</summary>
    public const string LoggerCategory = "Engagement.Rules";

    /// <summary>Counter of evaluations (one per customer), tagged <c>outcome</c> = <c>ok</c> or <c>failed</c>.</summary>
    public const string EvaluationsInstrument = "engagement.evaluations";

    /// <summary>Counter of rule firings, tagged <c>rule.id</c>.</summary>
    public const string RulesFiredInstrument = "engagement.rules.fired";

    /// <summary>Counter of touches decided, tagged <c>touch.class</c> and <c>touch.channel</c>.</summary>
    public const string TouchesDecidedInstrument = "engagement.touches.decided";

    /// <summary>Counter of touches suppressed or held out, tagged <c>touch.class</c> and <c>suppression.reason</c>.</summary>
    public const string TouchesSuppressedInstrument = "engagement.touches.suppressed";

    /// <summary>Histogram of evaluation durations in milliseconds, tagged <c>outcome</c>.</summary>
    public const string EvaluationDurationInstrument = "engagement.evaluation.duration";

    private readonly Meter? _ownedMeter;

    /// <summary>Creates telemetry that reports nowhere until listened to: no logs, metrics on an own meter.</summary>
    public EngagementTelemetry()
        : this(null, null)
    {
    }

    /// <summary>Creates telemetry over a logger factory and a meter factory.</summary>
    /// <param name="loggerFactory">The logger factory; no logs when null.</param>
    /// <param name="meterFactory">
    /// The meter factory (from dependency injection, so meters are scoped to the container); when null the
    /// telemetry creates its own meter and disposes of it with itself.
    /// </param>
    public EngagementTelemetry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory);
        Meter meter;
        if (meterFactory is null)
        {
            meter = _ownedMeter = new Meter(MeterName);
        }
        else
        {
            meter = meterFactory.Create(new MeterOptions(MeterName));
        }

        Instruments = new EngagementInstruments(meter);
    }

    internal ILogger Logger { get; }

    internal EngagementInstruments Instruments { get; }

    /// <summary>Runs one evaluation, timing it, counting its outcome and touches, and logging it.</summary>
    internal EngagementResult Record<TState>(string customerId, TState state, Func<TState, EngagementResult> evaluate)
    {
        var started = Stopwatch.GetTimestamp();
        EngagementResult result;
        try
        {
            result = evaluate(state);
        }
        catch (EngagementEvaluationException ex)
        {
            Instruments.Failed(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            EngagementLog.EvaluationFailed(Logger, customerId, ex);
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Instruments.Succeeded(result, elapsed);
        if (Logger.IsEnabled(LogLevel.Warning))
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                EngagementLog.EvaluationDiagnostic(Logger, customerId, diagnostic.Code.ToString(), diagnostic.Message);
            }
        }

        EngagementLog.Evaluated(Logger, customerId, result.Decisions.Count, result.Suppressed.Count, result.HeldOut.Count, elapsed);
        return result;
    }

    /// <summary>Disposes of the meter this telemetry created (not one from a meter factory, which owns it).</summary>
    public void Dispose() => _ownedMeter?.Dispose();
}
