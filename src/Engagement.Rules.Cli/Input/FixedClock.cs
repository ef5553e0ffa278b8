using NodaTime;

namespace Engagement.Rules.Cli.Input;

/// <summary>The clock of a command: the instant of <c>--at</c> (or the one "now" read at start), so that every customer is evaluated at the same instant.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
