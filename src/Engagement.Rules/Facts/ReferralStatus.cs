namespace Engagement.Rules.Facts;

/// <summary>The progress of a referral.</summary>
public enum ReferralStatus
{
    /// <summary>Recorded, not yet contacted.</summary>
    Recorded = 0,

    /// <summary>The referred person has been contacted.</summary>
    Contacted = 1,

    /// <summary>The referred person bought a vehicle.</summary>
    Purchased = 2,

    /// <summary>The referral did not lead to a purchase.</summary>
    Lost = 3,
}
