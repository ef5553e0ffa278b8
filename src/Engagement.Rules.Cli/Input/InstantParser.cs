using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Cli.Input;

/// <summary>Reads <c>--at</c>: an ISO-8601 instant (<c>Z</c>) or a date and time with an offset.</summary>
internal static class InstantParser
{
    public static Instant Resolve(string? text, IClock clock)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return clock.GetCurrentInstant();
        }

        var instant = InstantPattern.ExtendedIso.Parse(text);
        if (instant.Success)
        {
            return instant.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success)
        {
            return offset.Value.ToInstant();
        }

        throw new CliException(ExitCodes.BadInput, $"--at '{text}' is not an ISO-8601 instant; expected e.g. 2026-11-24T15:00:00Z or 2026-11-24T10:00:00-05:00.");
    }
}
