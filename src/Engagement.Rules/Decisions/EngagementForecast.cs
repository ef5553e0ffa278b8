using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Decisions;

/// <summary>The touches a customer would get over a horizon, evaluating once a day and counting earlier days' touches as sent.</summary>
public sealed record EngagementForecast
{
    /// <summary>The customer forecast.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The first evaluation instant.</summary>
    public required Instant From { get; init; }

    /// <summary>The number of daily evaluations.</summary>
    public required int Days { get; init; }

    /// <summary>
    /// Every touch decided over the horizon, in order of decision: the <see cref="EngagementResult.Decisions"/> of
    /// each daily result, day after day.
    /// </summary>
    public required IReadOnlyList<TouchDecision> Decisions { get; init; }

    /// <summary>The result of each daily evaluation, in order.</summary>
    public required IReadOnlyList<EngagementResult> DailyResults { get; init; }
}
