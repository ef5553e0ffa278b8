namespace Engagement.Rules.Facts;

/// <summary>Who an owners' event is for; each criterion left null matches everyone.</summary>
public sealed record EventAudience
{
    private const string FactType = nameof(EventAudience);

    /// <summary>Everyone.</summary>
    public static EventAudience Everyone { get; } = new();

    /// <summary>Owners of this make only, if set.</summary>
    public string? Make { get; init => field = FactCheck.Optional(value, FactType, nameof(Make)); }

    /// <summary>Owners of this model only, if set.</summary>
    public string? Model { get; init => field = FactCheck.Optional(value, FactType, nameof(Model)); }

    /// <summary>Customers in this ISO 3166 region only (e.g. <c>US-TX</c>, upper-cased), if set.</summary>
    public string? RegionCode { get; init => field = FactCheck.OptionalRegionCode(value, FactType, nameof(RegionCode)); }

    /// <summary>Whether ambassadors are invited before everyone else.</summary>
    public bool AmbassadorsFirst { get; init; }
}
