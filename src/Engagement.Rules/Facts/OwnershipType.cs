namespace Engagement.Rules.Facts;

/// <summary>How the customer acquired the vehicle.</summary>
public enum OwnershipType
{
    /// <summary>Bought outright.</summary>
    Cash = 0,

    /// <summary>Bought with a loan.</summary>
    Finance = 1,

    /// <summary>Leased.</summary>
    Lease = 2,
}
