namespace Engagement.Rules.Facts;

/// <summary>A customer's standing in the dealership's loyalty programme.</summary>
public sealed record Loyalty
{
    private const string FactType = nameof(Loyalty);

    /// <summary>Creates a loyalty standing.</summary>
    /// <param name="tier">The tier name, e.g. <c>Gold</c>.</param>
    /// <param name="points">The points balance, zero or more.</param>
    /// <exception cref="FactValidationException">The tier is empty or the points are negative.</exception>
    public Loyalty(string tier, int points)
    {
        Tier = tier;
        Points = points;
    }

    /// <summary>The tier name, e.g. <c>Gold</c>.</summary>
    public string Tier { get; init => field = FactCheck.Required(value, FactType, nameof(Tier)); }

    /// <summary>The points balance, zero or more.</summary>
    public int Points { get; init => field = FactCheck.AtLeast(value, 0, FactType, nameof(Points)); }
}
