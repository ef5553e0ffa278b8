using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A safety recall campaign as it applies to one vehicle.</summary>
/// <remarks>Identity is <c>("RecallCampaign", CampaignNumber, Vin)</c>: one fact per campaign and vehicle.</remarks>
public sealed record RecallCampaign : IFactIdentity
{
    private const string FactType = nameof(RecallCampaign);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The campaign number (the maker's or the regulator's, e.g. NHTSA <c>24V-123</c>).</summary>
    public required string CampaignNumber
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(CampaignNumber));
            _identity = Identity();
        }
    }

    /// <summary>The VIN of the vehicle concerned.</summary>
    public required Vin Vin
    {
        get;
        init
        {
            field = FactCheck.Vin(value, FactType, nameof(Vin));
            _identity = Identity();
        }
    }

    /// <summary>What the recall is about.</summary>
    public required string Description { get; init => field = FactCheck.Required(value, FactType, nameof(Description)); }

    /// <summary>Where the vehicle stands on the campaign.</summary>
    public RecallDisposition Disposition { get; init => field = FactCheck.Defined(value, FactType, nameof(Disposition)); } = RecallDisposition.Open;

    /// <summary>The day the campaign was issued.</summary>
    public required LocalDate IssuedOn { get; init; }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, CampaignNumber, Vin.Value);
}
