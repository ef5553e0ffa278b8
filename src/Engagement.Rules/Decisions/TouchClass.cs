namespace Engagement.Rules.Decisions;

/// <summary>
/// The class of a touch decides which consent it needs, whether frequency caps apply and what it may contain.
/// Lower values outrank higher ones in arbitration.
/// </summary>
public enum TouchClass
{
    /// <summary>Safety and recall notices: need no marketing consent, bypass caps, outrank everything.</summary>
    Safety = 0,

    /// <summary>Transactional and service messages the customer expects (service due, appointment, follow-up).</summary>
    Service = 1,

    /// <summary>Relationship notes (birthday, anniversary, thank-you): carry no offer.</summary>
    Relationship = 2,

    /// <summary>Marketing and offers: need marketing consent and count towards caps.</summary>
    Marketing = 3,
}
