using System;
using Microsoft.Extensions.Logging;

namespace Engagement.Rules.Telemetry;

/// <summary>The evaluator's log messages (source-generated). Event ids 1000-1099 belong to evaluation; see docs/embedding.md.</summary>
internal static partial class EngagementLog
{
    [LoggerMessage(EventId = 1000, EventName = "Evaluated", Level = LogLevel.Debug,
        Message = "Evaluated customer {CustomerId}: {Decisions} decided, {Suppressed} suppressed, {HeldOut} held out in {ElapsedMilliseconds} ms")]
    public static partial void Evaluated(ILogger logger, string customerId, int decisions, int suppressed, int heldOut, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1001, EventName = "EvaluationFailed", Level = LogLevel.Error,
        Message = "The rules failed for customer {CustomerId}")]
    public static partial void EvaluationFailed(ILogger logger, string customerId, Exception exception);

    [LoggerMessage(EventId = 1002, EventName = "EvaluationDiagnostic", Level = LogLevel.Warning,
        Message = "Customer {CustomerId}: {Code}: {Diagnostic}")]
    public static partial void EvaluationDiagnostic(ILogger logger, string customerId, string code, string diagnostic);
}
