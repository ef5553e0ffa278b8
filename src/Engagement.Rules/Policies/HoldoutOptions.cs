using System.Collections.Generic;

namespace Engagement.Rules.Policies;

/// <summary>Settings of control groups (holdouts). Safety touches are never held out.</summary>
public sealed record HoldoutOptions
{
    /// <summary>
    /// The share of customers, in percent (0-100), in the global control group that gets no non-safety touch.
    /// Default 0 (a typical value is 5).
    /// </summary>
    public double GlobalPercent { get; init; }

    /// <summary>Per-rule control groups: rule id to the percent of customers held out of that rule.</summary>
    /// <remarks><see cref="EngagementEvaluator.Create"/> rejects an id that is not a rule of its rule set.</remarks>
    public IReadOnlyDictionary<string, double> RulePercents { get; init => field = Snapshot.Map(value); } = new Dictionary<string, double>();

    /// <summary>A salt mixed into the hash, to draw a fresh control group (e.g. per campaign year). Default empty.</summary>
    public string Salt { get; init; } = string.Empty;
}
