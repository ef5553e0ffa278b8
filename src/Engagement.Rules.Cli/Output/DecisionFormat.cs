using System.Globalization;
using Engagement.Rules.Decisions;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Cli.Output;

/// <summary>How decisions are shown to people.</summary>
internal static class DecisionFormat
{
    private static readonly LocalDateTimePattern LocalMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    public static readonly string[] Headers = ["customer", "vehicle", "kind", "topic", "channel", "due (local)", "rule"];

    public static string DueLocal(ZonedDateTime due) => $"{LocalMinutes.Format(due.LocalDateTime)} {due.Zone.Id}";

    public static string[] Cells(TouchDecision d) =>
    [
        d.CustomerId,
        d.Vin ?? "-",
        d.Kind.Name,
        d.Topic,
        d.Channel.ToString(),
        DueLocal(d.DueLocal),
        d.RuleId,
    ];

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
