using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Decisions;

/// <summary>A touch to send: what, for whom, on which channel, when, and why.</summary>
public sealed record TouchDecision
{
    /// <summary>What the touch is.</summary>
    public required TouchKind Kind { get; init; }

    /// <summary>The class, which decided consent, caps and content.</summary>
    public required TouchClass Class { get; init; }

    /// <summary>The topic or template key.</summary>
    public required string Topic { get; init; }

    /// <summary>The customer the touch is for.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The VIN of the vehicle the touch is about, if any.</summary>
    public string? Vin { get; init; }

    /// <summary>The channel, resolved against consent and the customer's preferences.</summary>
    public required ContactChannel Channel { get; init; }

    /// <summary>When to send, after quiet hours and blackout days.</summary>
    public required Instant DueAt { get; init; }

    /// <summary>
    /// <see cref="DueAt"/> in the customer's time zone - in the dealership's when the customer's is unknown (the result
    /// then has an <see cref="EngagementDiagnosticCode.UnknownCustomerTimeZone"/> diagnostic): check
    /// <see cref="ZonedDateTime.Zone"/> before showing the time to the customer as theirs.
    /// </summary>
    public required ZonedDateTime DueLocal { get; init; }

    /// <summary>The last instant the touch is worth sending (end of its last day); open-ended when null.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>Values for the template, by name.</summary>
    public required IReadOnlyDictionary<string, string> Personalisation { get; init; }

    /// <summary>The proposal's priority.</summary>
    public int Priority { get; init; }

    /// <summary>The id of the rule that proposed the touch.</summary>
    public required string RuleId { get; init; }

    /// <summary>
    /// A deterministic key of this occurrence (customer, vehicle, topic, rule and due date): the same facts give
    /// the same key in every run and process. Pass it back as <c>TouchSent.TouchId</c> once sent, and also while
    /// the decision is pending (<c>SentAt</c> = <see cref="DueAt"/>): a rule due <c>today()</c> proposes the touch
    /// again the next day under a new key, which only the pending record stops (docs/decisions.md).
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Why the touch was decided and how the policies shaped it.</summary>
    public required DecisionExplanation Explanation { get; init; }
}
