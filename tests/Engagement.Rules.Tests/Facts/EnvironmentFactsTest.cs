using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

/// <summary>Validation of forecasts, climates, touches sent and household changes.</summary>
public sealed class EnvironmentFactsTest
{
    [Test]
    public void TemperatureForecast_RegionCode_Normalised()
    {
        (SampleFacts.TemperatureForecast() with { RegionCode = "ca-qc" }).RegionCode.Should().Be("CA-QC");
    }

    [TestCase(-90.5)]
    [TestCase(61)]
    public void TemperatureForecast_ImplausibleLow_Throws(double celsius)
    {
        var value = (decimal)celsius;
        var act = () => SampleFacts.TemperatureForecast() with { LowCelsius = value };

        act.ShouldFailValidation("TemperatureForecast", "LowCelsius", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void TemperatureForecast_NewerForecastSameDay_SameIdentity()
    {
        var forecast = SampleFacts.TemperatureForecast();

        (forecast with { LowCelsius = -10m }).FactIdentity.Should().Be(forecast.FactIdentity);
        (forecast with { Date = forecast.Date.PlusDays(1) }).FactIdentity.Should().NotBe(forecast.FactIdentity);
    }

    [Test]
    public void RegionClimate_EmptyRegion_Throws()
    {
        var act = () => SampleFacts.RegionClimate() with { RegionCode = "" };

        act.ShouldFailValidation("RegionClimate", "RegionCode", "");
    }

    [Test]
    public void TouchSent_DefaultKind_Throws()
    {
        var act = () => SampleFacts.TouchSent() with { Kind = default };

        act.ShouldFailValidation("TouchSent", "Kind", null);
    }

    [Test]
    public void TouchSent_UnknownClassOrChannel_Throws()
    {
        var touch = SampleFacts.TouchSent();

        new System.Func<TouchSent>(() => touch with { Class = (TouchClass)9 }).ShouldFailValidation("TouchSent", "Class", "9");
        new System.Func<TouchSent>(() => touch with { Channel = (ContactChannel)9 }).ShouldFailValidation("TouchSent", "Channel", "9");
    }

    [Test]
    public void TouchSent_EngagedLater_SameIdentity()
    {
        var touch = SampleFacts.TouchSent();

        var engaged = touch with { Engaged = true, Vin = SampleFacts.Vin };

        engaged.FactIdentity.Should().Be(touch.FactIdentity);
        engaged.Vin.Should().Be(SampleFacts.Vin);
    }

    [Test]
    public void TouchSent_DefaultVin_Throws()
    {
        var act = () => SampleFacts.TouchSent() with { Vin = default(Vin) };

        act.ShouldFailValidation("TouchSent", "Vin", null);
    }

    [Test]
    public void HouseholdChange_UnknownKind_Throws()
    {
        var act = () => SampleFacts.HouseholdChange() with { Kind = (LifeEventKind)99 };

        act.ShouldFailValidation("HouseholdChange", "Kind", "99");
    }

    [Test]
    public void HouseholdChange_EmptyCustomerId_Throws()
    {
        var act = () => SampleFacts.HouseholdChange() with { CustomerId = "" };

        act.ShouldFailValidation("HouseholdChange", "CustomerId", "");
    }
}
