using System.Collections.Generic;
using System.Globalization;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>
/// What a case expects of one touch; every field left out matches anything. <see cref="DueAt"/>,
/// <see cref="DueDate"/> and <see cref="DueLocal"/> are the three ways to write <c>due</c>: an instant, a date
/// in the customer's calendar, or a local date and time in the customer's zone. Values are checked when the case is
/// read (kind, VIN) or before it runs (rule, customer: <see cref="RuleLine"/> and <see cref="CustomerLine"/> locate
/// them), so that a typo cannot make an item match nothing and an <c>expectNot</c> pass vacuously.
/// </summary>
internal sealed record TouchExpectation(int Line)
{
    public string? Topic { get; init; }

    public string? Rule { get; init; }

    /// <summary>The line of the <c>rule</c> value, for the check against the loaded rules.</summary>
    public int RuleLine { get; init; }

    public TouchKind? Kind { get; init; }

    public TouchClass? Class { get; init; }

    public string? Customer { get; init; }

    /// <summary>The line of the <c>customer</c> value, for the check against the case's customer.</summary>
    public int CustomerLine { get; init; }

    /// <summary>The VIN as <see cref="Engagement.Rules.Facts.Vin"/> normalises it (upper case).</summary>
    public string? Vehicle { get; init; }

    public ContactChannel? Channel { get; init; }

    public Instant? DueAt { get; init; }

    public LocalDate? DueDate { get; init; }

    public LocalDateTime? DueLocal { get; init; }

    public SuppressionReason? Reason { get; init; }

    public bool Matches(TouchDecision decision) =>
        Common(decision.Topic, decision.RuleId, decision.Kind, decision.Class, decision.CustomerId, decision.Vin)
        && (Channel is null || Channel == decision.Channel)
        && (DueAt is null || DueAt == decision.DueAt)
        && (DueDate is null || DueDate == decision.DueLocal.Date)
        && (DueLocal is null || DueLocal == decision.DueLocal.LocalDateTime);

    public bool Matches(SuppressedTouch suppressed)
    {
        var p = suppressed.Proposal;
        return Common(p.Topic, p.RuleId, p.Kind, p.Class, p.CustomerId, p.Vin)
            && (Reason is null || Reason == suppressed.Reason)
            && (DueDate is null || DueDate == p.DueOn);
    }

    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {value}"));
            }
        }

        Add("topic", Topic);
        Add("rule", Rule);
        Add("kind", Kind);
        Add("class", Class);
        Add("customer", Customer);
        Add("vehicle", Vehicle);
        Add("channel", Channel);
        Add("due", DueAt?.ToString() ?? DueDate?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? DueLocal?.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        Add("reason", Reason);
        return "{ " + string.Join(", ", parts) + " }";
    }

    private bool Common(string topic, string rule, TouchKind kind, TouchClass touchClass, string customer, string? vin) =>
        (Topic is null || Topic == topic)
        && (Rule is null || Rule == rule)
        && (Kind is null || Kind == kind)
        && (Class is null || Class == touchClass)
        && (Customer is null || Customer == customer)
        && (Vehicle is null || string.Equals(Vehicle, vin, System.StringComparison.OrdinalIgnoreCase));
}
