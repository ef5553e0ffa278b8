using System;
using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Decisions;

/// <summary>
/// A touch a rule proposes. Rules insert proposals as facts (so other rules may react to them); after the
/// rules have fired, the policies (consent, quiet hours, caps, suppression, arbitration) turn the proposals
/// into decisions or suppressions.
/// </summary>
/// <remarks>
/// Dates are in the customer's own calendar: the policies resolve <see cref="DueOn"/> and
/// <see cref="PreferredTime"/> to an instant in the customer's time zone.
/// </remarks>
public sealed record TouchProposal
{
    /// <summary>The id of the rule that proposed the touch.</summary>
    public required string RuleId { get; init; }

    /// <summary>What the touch is.</summary>
    public required TouchKind Kind { get; init; }

    /// <summary>The class, which decides consent, caps and content.</summary>
    public required TouchClass Class { get; init; }

    /// <summary>The topic or template key, e.g. <c>service.oil-change-due</c>.</summary>
    public required string Topic { get; init; }

    /// <summary>The customer the touch is for.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The VIN of the vehicle the touch is about, if any.</summary>
    public string? Vin { get; init; }

    /// <summary>The channel asked for; <see langword="null"/> means the customer's preferred channel.</summary>
    public ContactChannel? Channel { get; init; }

    /// <summary>The day, in the customer's calendar, the touch is due.</summary>
    /// <remarks>At most <see cref="Policies.QuietHoursOptions.SearchHorizonDays"/> + 2 days before 9999-12-31 (9999-10-30 by default): a later day is <c>InvalidProposal</c>.</remarks>
    public required LocalDate DueOn { get; init; }

    /// <summary>The time of day, in the customer's time zone, the touch should go out; the policy default when null.</summary>
    public LocalTime? PreferredTime { get; init; }

    /// <summary>The last day, in the customer's calendar, the touch is still worth sending; open-ended when null or 9999-12-31.</summary>
    public LocalDate? ExpiresOn { get; init; }

    /// <summary>Priority among competing touches of the same class: higher wins.</summary>
    public int Priority { get; init; }

    /// <summary>Values for the template, by name.</summary>
    public IReadOnlyDictionary<string, string> Personalisation { get; init; } = EmptyValues;

    /// <summary>Why the rule proposed the touch, in words a person understands.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The facts the rule matched.</summary>
    public IReadOnlyList<object> MatchedFacts { get; init; } = Array.Empty<object>();

    /// <summary>The values that made the rule's conditions true, by name (for the explanation).</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = EmptyValues;

    private static readonly IReadOnlyDictionary<string, string> EmptyValues =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
}
