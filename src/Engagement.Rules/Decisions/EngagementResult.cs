using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Decisions;

/// <summary>The outcome of evaluating one customer.</summary>
/// <remarks>
/// Immutable, and owned by the caller: nothing else keeps or changes it. Deterministic: the same facts, rules,
/// options and instant give the same decisions, suppressions and diagnostics, in the same order. Record equality
/// compares the lists by reference, not by content: compare <see cref="Decisions"/> item by item (or their
/// <see cref="TouchDecision.IdempotencyKey"/>) to tell whether two evaluations decided the same.
/// </remarks>
public sealed record EngagementResult
{
    /// <summary>The customer evaluated.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The evaluation instant.</summary>
    public required Instant EvaluatedAt { get; init; }

    /// <summary>The touches to send, ordered by due instant, then class, priority (higher first), topic and rule id.</summary>
    public required IReadOnlyList<TouchDecision> Decisions { get; init; }

    /// <summary>The proposals the policies stopped (held-out ones excluded), in proposal order.</summary>
    public required IReadOnlyList<SuppressedTouch> Suppressed { get; init; }

    /// <summary>The touches that would have been sent but were held out in a control group.</summary>
    public required IReadOnlyList<SuppressedTouch> HeldOut { get; init; }

    /// <summary>Warnings and errors, e.g. an unknown time zone.</summary>
    public required IReadOnlyList<EngagementDiagnostic> Diagnostics { get; init; }

    /// <summary>
    /// The identity of the rules that decided (<see cref="Engine.CompiledRuleSet.Fingerprint"/>): with
    /// <see cref="TouchDecision.RuleId"/>, it says which version of which rule decided a touch, across hot reloads.
    /// Rules loaded from YAML have one (32 lower-case hex digits over their files); null for rules compiled without
    /// one (built in C#), and then not written in JSON.
    /// </summary>
    public string? RuleSetFingerprint { get; init; }
}
