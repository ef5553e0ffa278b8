namespace Engagement.Rules.Facts;

/// <summary>Where a vehicle stands on a recall campaign.</summary>
public enum RecallDisposition
{
    /// <summary>The remedy has not been done.</summary>
    Open = 0,

    /// <summary>The remedy has been done.</summary>
    Remedied = 1,

    /// <summary>The campaign does not apply to the vehicle after all.</summary>
    NotApplicable = 2,
}
