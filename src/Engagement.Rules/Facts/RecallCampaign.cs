using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A safety recall campaign as it applies to one vehicle.</summary>
/// <remarks>Identity is <c>("RecallCampaign", CampaignNumber, Vin)</c>: one fact per campaign and vehicle.</remarks>
public sealed record RecallCampaign : IFactIdentity
{
    private const string FactType = nameof(RecallCampaign);

    /// <summary>The campaign number (the maker's or the regulator's, e.g. NHTSA <c>24V-123</c>).</summary>
    public required string CampaignNumber { get; init => field = FactCheck.Required(value, FactType, nameof(CampaignNumber)); }

    /// <summary>The VIN of the vehicle concerned.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>What the recall is about.</summary>
    public required string Description { get; init => field = FactCheck.Required(value, FactType, nameof(Description)); }

    /// <summary>Where the vehicle stands on the campaign.</summary>
    public RecallDisposition Disposition { get; init => field = FactCheck.Defined(value, FactType, nameof(Disposition)); } = RecallDisposition.Open;

    /// <summary>The day the campaign was issued.</summary>
    public required LocalDate IssuedOn { get; init; }

    /// <inheritdoc />
    public object FactIdentity => (FactType, CampaignNumber, Vin.Value);
}
