using System.Globalization;

namespace Engagement.Rules.Cli.Output;

/// <summary>Counts in summaries, with the noun in the singular for one: "1 error", "2 errors", "0 errors".</summary>
internal static class Plural
{
    public static string Of(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
