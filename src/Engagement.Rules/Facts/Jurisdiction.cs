namespace Engagement.Rules.Facts;

/// <summary>
/// Where a customer or dealership is, for the rules that depend on law (consent regimes, reward
/// restrictions): an ISO 3166-1 alpha-2 country and optionally its ISO 3166-2 subdivision.
/// </summary>
/// <remarks>Codes are upper-cased on construction. <see cref="Code"/> (<c>US-TX</c>) is the form the region codes of other facts use.</remarks>
public sealed record Jurisdiction
{
    private const string FactType = nameof(Jurisdiction);

    // Rules compare region codes with Code once per fact they match (each forecast, each climate): it is made
    // when a code is set (a 'with' that changes one sets it again) instead of a new string on every read.
    private readonly string _code = string.Empty;

    /// <summary>Creates a jurisdiction.</summary>
    /// <param name="countryCode">The ISO 3166-1 alpha-2 country code, e.g. <c>US</c> or <c>CA</c>.</param>
    /// <param name="regionCode">The subdivision part of the ISO 3166-2 code, e.g. <c>TX</c> or <c>QC</c>; <see langword="null"/> when unknown.</param>
    /// <exception cref="FactValidationException">A code is not in that form.</exception>
    public Jurisdiction(string countryCode, string? regionCode = null)
    {
        CountryCode = countryCode;
        RegionCode = regionCode;
    }

    /// <summary>The ISO 3166-1 alpha-2 country code, upper case, e.g. <c>US</c>.</summary>
    public string CountryCode
    {
        get;
        init
        {
            var code = FactCheck.Required(value, FactType, nameof(CountryCode)).ToUpperInvariant();
            if (code.Length != 2 || code[0] is < 'A' or > 'Z' || code[1] is < 'A' or > 'Z')
            {
                throw FactCheck.Fail(FactType, nameof(CountryCode), value, "the value is not an ISO 3166-1 alpha-2 code", "two letters, e.g. 'US' or 'CA'");
            }

            field = code;
            _code = Compose(code, RegionCode);
        }
    }

    /// <summary>The ISO 3166-2 subdivision code without the country, upper case, e.g. <c>TX</c>; <see langword="null"/> when unknown.</summary>
    public string? RegionCode
    {
        get;
        init
        {
            if (value is not null)
            {
                var code = value.ToUpperInvariant();
                if (code.Length is < 1 or > 3 || !IsAlphanumeric(code))
                {
                    throw FactCheck.Fail(FactType, nameof(RegionCode), value, "the value is not an ISO 3166-2 subdivision code", "one to three letters or digits, e.g. 'TX' or 'QC'");
                }

                value = code;
            }

            field = value;
            _code = Compose(CountryCode, value);
        }
    }

    /// <summary>The full code, <c>US-TX</c>, or just the country when the region is unknown.</summary>
    public string Code => _code;

    /// <inheritdoc />
    public override string ToString() => Code;

    private static string Compose(string country, string? region) => region is null ? country : $"{country}-{region}";

    private static bool IsAlphanumeric(string code)
    {
        foreach (var c in code)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
