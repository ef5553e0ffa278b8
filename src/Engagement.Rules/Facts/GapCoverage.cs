using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>Guaranteed-asset-protection (GAP) coverage on a financed or leased vehicle.</summary>
/// <remarks>Identity is <c>("GapCoverage", Vin)</c>: a new version replaces the old one in a session.</remarks>
public sealed record GapCoverage : IFactIdentity
{
    private const string FactType = nameof(GapCoverage);

    /// <summary>The VIN of the vehicle covered.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>The last day of coverage.</summary>
    public required LocalDate EndDate { get; init; }

    /// <inheritdoc />
    public object FactIdentity => (FactType, Vin.Value);
}
