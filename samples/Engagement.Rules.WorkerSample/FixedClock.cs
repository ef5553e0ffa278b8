using NodaTime;

namespace Engagement.Rules.WorkerSample;

/// <summary>A clock stopped at one instant, for the deterministic <c>--once</c> run.</summary>
public sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
