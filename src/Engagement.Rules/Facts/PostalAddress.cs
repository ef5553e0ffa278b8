namespace Engagement.Rules.Facts;

/// <summary>A postal address; only presence and region matter to the rules, the rest is for the mail house.</summary>
public sealed record PostalAddress
{
    private const string FactType = nameof(PostalAddress);

    /// <summary>The street line.</summary>
    public required string Line1 { get; init => field = FactCheck.Required(value, FactType, nameof(Line1)); }

    /// <summary>A second line (unit, building), if any.</summary>
    public string? Line2 { get; init => field = FactCheck.Optional(value, FactType, nameof(Line2)); }

    /// <summary>The city.</summary>
    public required string City { get; init => field = FactCheck.Required(value, FactType, nameof(City)); }

    /// <summary>The postal or ZIP code.</summary>
    public required string PostalCode { get; init => field = FactCheck.Required(value, FactType, nameof(PostalCode)); }

    /// <summary>The ISO 3166 region code, e.g. <c>US-TX</c> (upper-cased).</summary>
    public required string RegionCode { get; init => field = FactCheck.RegionCode(value, FactType, nameof(RegionCode)); }
}
