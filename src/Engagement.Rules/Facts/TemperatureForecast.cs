using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A forecast low temperature for a region and day (for winter-tyre and battery reminders).</summary>
/// <remarks>Identity is <c>("TemperatureForecast", RegionCode, Date)</c>: a newer forecast for the day replaces the old one.</remarks>
public sealed record TemperatureForecast : IFactIdentity
{
    private const string FactType = nameof(TemperatureForecast);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The ISO 3166 region, e.g. <c>US-MN</c> (upper-cased).</summary>
    public required string RegionCode
    {
        get;
        init
        {
            field = FactCheck.RegionCode(value, FactType, nameof(RegionCode));
            _identity = Identity();
        }
    }

    /// <summary>The day forecast.</summary>
    public required LocalDate Date
    {
        get;
        init
        {
            field = value;
            _identity = Identity();
        }
    }

    /// <summary>The forecast low in degrees Celsius, from -90 to 60.</summary>
    public required decimal LowCelsius
    {
        get;
        init
        {
            // The coldest and hottest air temperatures ever recorded bound any sane forecast.
            if (value is < -90m or > 60m)
            {
                throw FactCheck.Fail(FactType, nameof(LowCelsius), value, "the temperature is out of range", "degrees Celsius from -90 to 60");
            }

            field = value;
        }
    }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, RegionCode, Date);
}
