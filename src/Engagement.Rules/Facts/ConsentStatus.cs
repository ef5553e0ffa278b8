namespace Engagement.Rules.Facts;

/// <summary>The state a consent record sets.</summary>
public enum ConsentStatus
{
    /// <summary>Consent given.</summary>
    Granted = 0,

    /// <summary>Consent withdrawn (opt-out, unsubscribe, STOP).</summary>
    Withdrawn = 1,
}
