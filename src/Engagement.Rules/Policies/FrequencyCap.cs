using System.Globalization;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>At most <paramref name="MaxTouches"/> touches of a class per customer in any rolling window.</summary>
/// <param name="Class">The class capped (safety cannot be capped).</param>
/// <param name="MaxTouches">The most touches allowed in the window (at least 1).</param>
/// <param name="Window">The rolling window (positive).</param>
public sealed record FrequencyCap(TouchClass Class, int MaxTouches, Duration Window)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Class} at most {MaxTouches} per {Formatting.Text.Number(Window.TotalDays)} days");
}
