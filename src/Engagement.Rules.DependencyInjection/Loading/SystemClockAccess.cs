using NodaTime;

namespace Engagement.Rules.DependencyInjection;

/// <summary>The one place in the DI package that reads the system clock (the CLI, a host too, reads it for its default instant).</summary>
internal static class SystemClockAccess
{
    // SystemClock.Instance is banned in src/ so that library code always takes an injected IClock. A host that
    // registers no IClock and sets no EngagementRulesOptions.Clock still needs "now" to be the real time; this is
    // the deliberate, documented default (docs/embedding.md), and the package's only suppression of the ban.
#pragma warning disable RS0030 // Do not use banned APIs
    public static IClock Instance => SystemClock.Instance;
#pragma warning restore RS0030
}
