namespace Engagement.Rules.Facts;

/// <summary>The unit of odometer readings and mileage limits.</summary>
public enum DistanceUnit
{
    /// <summary>Miles.</summary>
    Miles = 0,

    /// <summary>Kilometres.</summary>
    Kilometres = 1,
}
