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
}
