namespace Engagement.Rules.Facts;

/// <summary>A vehicle's body style.</summary>
public enum BodyType
{
    /// <summary>A sedan (saloon).</summary>
    Sedan = 0,

    /// <summary>A coupé.</summary>
    Coupe = 1,

    /// <summary>A hatchback.</summary>
    Hatchback = 2,

    /// <summary>A station wagon (estate).</summary>
    Wagon = 3,

    /// <summary>A sport-utility vehicle or crossover.</summary>
    Suv = 4,

    /// <summary>A pickup truck.</summary>
    Truck = 5,

    /// <summary>A van or minivan.</summary>
    Van = 6,

    /// <summary>A convertible or roadster.</summary>
    Convertible = 7,

    /// <summary>Any other body style.</summary>
    Other = 8,
}
