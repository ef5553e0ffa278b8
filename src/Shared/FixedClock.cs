using NodaTime;

namespace Engagement.Rules;

/// <summary>
/// A clock stopped at one instant: every customer of a run is evaluated at the same instant, and a sample or
/// benchmark gives the same decisions on every run.
/// </summary>
/// <remarks>
/// Shared source: compiled into the command-line tool, the samples and the benchmarks (an internal type of each).
/// NodaTime's own stopped clock (FakeClock) is in its testing package, which none of them should ship.
/// </remarks>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
