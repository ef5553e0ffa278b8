using System;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>
/// One consent event on a customer's record: consent granted or withdrawn, for a channel and a purpose, at a
/// moment; a grant on a basis. The latest record for a channel and purpose is the one that counts
/// (<see cref="Customer.LatestConsent"/>).
/// </summary>
public sealed record ConsentRecord
{
    private const string FactType = nameof(ConsentRecord);

    /// <summary>The channel the consent is for.</summary>
    public required ContactChannel Channel { get; init => field = FactCheck.Defined(value, FactType, nameof(Channel)); }

    /// <summary>What the consent covers.</summary>
    public required ConsentPurpose Purpose { get; init => field = FactCheck.Defined(value, FactType, nameof(Purpose)); }

    /// <summary>Granted or withdrawn.</summary>
    public required ConsentStatus Status { get; init => field = FactCheck.Defined(value, FactType, nameof(Status)); }

    /// <summary>When the consent was granted or withdrawn.</summary>
    public required Instant At { get; init; }

    /// <summary>
    /// How the consent was obtained; required for a grant, since it decides whether the grant lapses (an implied
    /// grant does, an express one does not) and <see langword="null"/> is never taken as <see cref="ConsentBasis.Express"/>.
    /// A withdrawal needs none. A grant without a basis is rejected where the record joins a customer
    /// (<see cref="Customer.Consents"/>), the record's own fields being settable in any order.
    /// </summary>
    public ConsentBasis? Basis { get; init => field = FactCheck.Defined(value, FactType, nameof(Basis)); }

    /// <summary>The basis of a grant, which <see cref="Customer.Consents"/> admits only with one.</summary>
    internal ConsentBasis GrantBasis
        => Basis ?? throw new InvalidOperationException($"A consent record with status {Status} has no basis; Customer.Consents admits no grant without one.");

    /// <summary>
    /// The error of a grant that does not say how the consent was obtained, blamed on <paramref name="factType"/>'s
    /// <paramref name="field"/>; <see langword="null"/> for a grant with a basis and for a withdrawal.
    /// </summary>
    internal FactValidationException? MissingBasis(string factType, string field)
        => Status == ConsentStatus.Granted && Basis is null
            ? FactCheck.Fail(factType, field, null, "the grant has no basis", "the basis the consent was obtained on, one of " + string.Join(", ", Enum.GetNames<ConsentBasis>()) + " (a withdrawal needs none)")
            : null;

    /// <summary>
    /// Whether this record replaces <paramref name="current"/> as the one that counts at <paramref name="asOf"/>,
    /// taking a customer's records in their listed order: only records at or before the instant count, a later
    /// one wins, and on a tie a withdrawal wins over a grant (otherwise the first listed stays). The single
    /// definition, for <see cref="Customer.LatestConsent"/> and the consent policy.
    /// </summary>
    internal bool Supersedes(ConsentRecord? current, Instant asOf)
        => At <= asOf && (current is null || At > current.At
            || (At == current.At && Status == ConsentStatus.Withdrawn && current.Status != ConsentStatus.Withdrawn));
}
