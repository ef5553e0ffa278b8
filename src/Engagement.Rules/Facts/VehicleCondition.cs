namespace Engagement.Rules.Facts;

/// <summary>Whether a vehicle was sold new or used.</summary>
public enum VehicleCondition
{
    /// <summary>Sold new.</summary>
    New = 0,

    /// <summary>Sold used (pre-owned).</summary>
    Used = 1,
}
