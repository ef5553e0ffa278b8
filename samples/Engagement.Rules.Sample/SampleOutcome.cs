using System.Collections.Generic;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Sample;

/// <summary>What a sample run produced: errors (rules or data that do not load), or one result per customer.</summary>
/// <param name="Errors">Every rule diagnostic or data error, formatted; empty on success.</param>
/// <param name="Results">The results, in input order.</param>
/// <param name="Vehicles">A readable name per VIN ("2019 Toyota Corolla").</param>
/// <param name="EvaluatedAt">The evaluation instant.</param>
/// <param name="RuleCount">How many rules were loaded.</param>
public sealed record SampleOutcome(
    IReadOnlyList<string> Errors,
    IReadOnlyList<EngagementResult> Results,
    IReadOnlyDictionary<string, string> Vehicles,
    Instant EvaluatedAt,
    int RuleCount)
{
    public bool Success => Errors.Count == 0;
}
