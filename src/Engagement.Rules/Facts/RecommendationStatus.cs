namespace Engagement.Rules.Facts;

/// <summary>What became of recommended work.</summary>
public enum RecommendationStatus
{
    /// <summary>Recommended and not yet decided.</summary>
    Recommended = 0,

    /// <summary>Declined by the customer.</summary>
    Declined = 1,

    /// <summary>Done.</summary>
    Completed = 2,
}
