using System.Collections.Generic;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.SampleData;

/// <summary>The dealer group of the sample: one dealership per jurisdiction, and where its customers live.</summary>
public static class SampleRegions
{
    /// <summary>A dealership and the customers' regions around it.</summary>
    /// <param name="Dealership">The dealership.</param>
    /// <param name="Language">The customers' usual language.</param>
    /// <param name="Neighbours">Regions and zones of customers who live elsewhere (another zone than the dealership).</param>
    /// <param name="Cities">Cities and postal-code prefixes of the dealership's region.</param>
    /// <param name="AreaCodes">Telephone area codes of the region.</param>
    /// <param name="ForecastLows">The forecast lows (Celsius) of the next days.</param>
    public sealed record Region(Dealership Dealership, string Language, IReadOnlyList<(string Region, string Zone)> Neighbours, IReadOnlyList<(string City, string Postal)> Cities, IReadOnlyList<int> AreaCodes, IReadOnlyList<decimal> ForecastLows);

    /// <summary>The six regions, in a fixed order.</summary>
    public static IReadOnlyList<Region> All { get; } =
    [
        new(Dealer("D-TX", "Lone Star Motors", "America/Chicago", "US", "TX", false), "en-US", [("US-CO", "America/Denver"), ("US-NM", "America/Denver")], [("Austin", "787"), ("Round Rock", "786"), ("San Marcos", "786")], [512, 737], [8.5m, 6.0m, 11.0m]),
        new(Dealer("D-CA", "Pacific Coast Auto", "America/Los_Angeles", "US", "CA", false), "en-US", [("US-AZ", "America/Phoenix"), ("US-NV", "America/Los_Angeles")], [("San Jose", "951"), ("Sunnyvale", "940"), ("Fremont", "945")], [408, 650], [9.0m, 7.5m, 10.0m]),
        new(Dealer("D-NY", "Empire State Motors", "America/New_York", "US", "NY", false), "en-US", [("US-MI", "America/Detroit"), ("US-IL", "America/Chicago")], [("Albany", "122"), ("Troy", "121"), ("Schenectady", "123")], [518, 838], [1.5m, -2.0m, 3.5m]),
        new(Dealer("D-ON", "Maple Leaf Motors", "America/Toronto", "CA", "ON", false), "en-CA", [("CA-MB", "America/Winnipeg"), ("CA-NS", "America/Halifax")], [("Ottawa", "K1A"), ("Kanata", "K2K"), ("Orleans", "K1C")], [613, 343], [-3.0m, -6.5m, 0.5m]),
        new(Dealer("D-QC", "Automobiles Saint-Laurent", "America/Toronto", "CA", "QC", true), "fr-CA", [("CA-NB", "America/Moncton"), ("CA-QC", "America/Montreal")], [("Montreal", "H2X"), ("Laval", "H7N"), ("Longueuil", "J4K")], [514, 438], [-5.0m, -8.0m, -1.5m]),
        new(Dealer("D-BC", "Coast Mountain Motors", "America/Vancouver", "CA", "BC", false), "en-CA", [("CA-AB", "America/Edmonton"), ("US-WA", "America/Los_Angeles")], [("Vancouver", "V6B"), ("Burnaby", "V5H"), ("Richmond", "V6X")], [604, 778], [4.0m, 2.5m, 6.0m]),
    ];

    private static Dealership Dealer(string id, string name, string zone, string country, string region, bool restricted) => new()
    {
        DealershipId = id,
        Name = name,
        TimeZoneId = zone,
        Jurisdiction = new Jurisdiction(country, region),
        ReferralRewardsRestricted = restricted,
        BusinessHours = new BusinessHours([
            new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(7, 30), new LocalTime(19, 0)),
            new OpeningHours(IsoDayOfWeek.Tuesday, new LocalTime(7, 30), new LocalTime(19, 0)),
            new OpeningHours(IsoDayOfWeek.Wednesday, new LocalTime(7, 30), new LocalTime(19, 0)),
            new OpeningHours(IsoDayOfWeek.Thursday, new LocalTime(7, 30), new LocalTime(19, 0)),
            new OpeningHours(IsoDayOfWeek.Friday, new LocalTime(7, 30), new LocalTime(18, 0)),
            new OpeningHours(IsoDayOfWeek.Saturday, new LocalTime(9, 0), new LocalTime(16, 0)),
        ]),
    };
}
