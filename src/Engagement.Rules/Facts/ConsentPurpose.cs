namespace Engagement.Rules.Facts;

/// <summary>What a consent covers.</summary>
public enum ConsentPurpose
{
    /// <summary>Marketing and offers.</summary>
    Marketing = 0,

    /// <summary>Service and transactional messages.</summary>
    Service = 1,
}
