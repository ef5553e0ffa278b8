using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>
/// One consent event on a customer's record: consent granted or withdrawn, for a channel and a purpose, at a
/// moment, on a basis. The latest record for a channel and purpose is the one that counts.
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
}
