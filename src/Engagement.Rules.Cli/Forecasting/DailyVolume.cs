using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Cli.Forecasting;

/// <summary>Touches per day (the customer's local due date), every day of the horizon listed, empty days included.</summary>
internal sealed record DailyVolume(IReadOnlyList<(LocalDate Day, int Count)> Days)
{
    public static DailyVolume Of(IEnumerable<TouchDecision> touches, LocalDate first, int days)
    {
        var counts = touches.GroupBy(t => t.DueLocal.Date).ToDictionary(g => g.Key, g => g.Count());
        var all = Enumerable.Range(0, days).Select(first.PlusDays).ToHashSet();

        // A touch due after the horizon in its own zone (or before it) is still shown, never dropped.
        all.UnionWith(counts.Keys);
        return new DailyVolume(all.Order().Select(d => (d, counts.GetValueOrDefault(d))).ToArray());
    }

    public int Max => Days.Count == 0 ? 0 : Days.Max(d => d.Count);

    public int Total => Days.Sum(d => d.Count);
}
