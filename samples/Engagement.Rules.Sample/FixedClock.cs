using NodaTime;

namespace Engagement.Rules.Sample;

/// <summary>A clock stopped at one instant, so the sample prints the same decisions on every run.</summary>
public sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
