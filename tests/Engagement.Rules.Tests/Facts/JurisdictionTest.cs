using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed class JurisdictionTest
{
    [TestCase("US", "TX", "US-TX")]
    [TestCase("ca", "qc", "CA-QC")]
    [TestCase("GB", null, "GB")]
    public void Create_Valid_NormalisedAndFormatted(string country, string? region, string expected)
    {
        var jurisdiction = new Jurisdiction(country, region);

        jurisdiction.ToString().Should().Be(expected);
        jurisdiction.Code.Should().Be(expected);
    }

    [TestCase("USA")]
    [TestCase("U")]
    [TestCase("1A")]
    [TestCase("")]
    public void Create_BadCountryCode_Throws(string country)
    {
        var act = () => new Jurisdiction(country, "TX");

        act.ShouldFailValidation("Jurisdiction", "CountryCode", country);
    }

    [TestCase("TEXAS")]
    [TestCase("")]
    [TestCase("T-X")]
    public void Create_BadRegionCode_Throws(string region)
    {
        var act = () => new Jurisdiction("US", region);

        act.ShouldFailValidation("Jurisdiction", "RegionCode", region);
    }

    [Test]
    public void Equality_ByValue()
    {
        new Jurisdiction("us", "tx").Should().Be(new Jurisdiction("US", "TX"));
    }

    [Test]
    public void Code_With_FollowsTheCodes()
    {
        // Code is kept with the jurisdiction: a copy with another country or region must get its own.
        var texas = new Jurisdiction("US", "TX");

        (texas with { RegionCode = "ca" }).Code.Should().Be("US-CA");
        (texas with { RegionCode = null }).Code.Should().Be("US");
        (texas with { CountryCode = "mx" }).Code.Should().Be("MX-TX");
        (new Jurisdiction("GB") with { RegionCode = "SCT" }).Code.Should().Be("GB-SCT");
        (texas with { RegionCode = null }).Should().Be(new Jurisdiction("US"));
        texas.Code.Should().Be("US-TX");
    }
}
