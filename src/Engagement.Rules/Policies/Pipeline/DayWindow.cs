using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>The merged window of one channel on one day; empty when <see cref="Start"/> is not before <see cref="End"/>.</summary>
internal sealed record DayWindow(LocalTime Start, LocalTime End, string Description)
{
    public bool IsEmpty => Start >= End;

    /// <summary>The planner's cause text for this window, made once per window.</summary>
    public string QuietHoursCause { get; } = $"quiet hours ({Description})";
}
