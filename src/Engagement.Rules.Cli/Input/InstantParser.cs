using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Cli.Input;

/// <summary>Reads <c>--at</c>: an ISO-8601 instant (<c>Z</c>) or a date and time with an offset.</summary>
internal static class InstantParser
{
    // The evaluator's own range for the default policy options the tool evaluates with: checked here so that a bad
    // --at is reported once, before any file is read, rather than by the evaluator's first use of it.
    private static readonly Instant Earliest = EngagementEvaluator.EarliestInstant;

    private static readonly Instant Latest = EngagementEvaluator.LatestInstant();

    public static Instant Resolve(string? text, IClock clock)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return clock.GetCurrentInstant();
        }

        var instant = InstantPattern.ExtendedIso.Parse(text);
        var offset = instant.Success ? null : OffsetDateTimePattern.ExtendedIso.Parse(text);
        if ((instant.Success ? instant.Value : offset!.Success ? offset.Value.ToInstant() : (Instant?)null) is { } at)
        {
            // The evaluator refuses instants out of its range: say so as bad input here.
            return at >= Earliest && at <= Latest
                ? at
                : throw new CliException(ExitCodes.BadInput, $"--at '{text}' is outside the instants the evaluator supports ({Earliest} to {Latest}).");
        }

        throw new CliException(ExitCodes.BadInput, $"--at '{text}' is not an ISO-8601 instant; expected e.g. 2026-11-24T15:00:00Z or 2026-11-24T10:00:00-05:00.");
    }
}
