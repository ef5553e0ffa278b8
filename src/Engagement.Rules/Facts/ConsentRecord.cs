using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>
/// One consent event on a customer's record: consent granted or withdrawn, for a channel and a purpose, at a
/// moment, on a basis. The latest record for a channel and purpose is the one that counts
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

    /// <summary>How the consent was obtained.</summary>
    public ConsentBasis Basis { get; init => field = FactCheck.Defined(value, FactType, nameof(Basis)); } = ConsentBasis.Express;

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
