using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class VehicleTest
{
    [Test]
    public void Create_Valid_Defaults()
    {
        var vehicle = SampleFacts.Vehicle();

        vehicle.IsOwned.Should().BeTrue();
        vehicle.Condition.Should().Be(VehicleCondition.New);
        vehicle.Unit.Should().Be(DistanceUnit.Miles);
        vehicle.OdometerReadings.Should().BeEmpty();
        vehicle.LatestOdometer.Should().BeNull();
        vehicle.FactIdentity.Should().Be(("Vehicle", SampleFacts.NorthAmericanVin));
    }

    [TestCase("OwnerCustomerId")]
    [TestCase("Make")]
    [TestCase("Model")]
    public void RequiredText_Empty_Throws(string field)
    {
        var vehicle = SampleFacts.Vehicle();
        var act = field switch
        {
            "OwnerCustomerId" => () => vehicle with { OwnerCustomerId = "" },
            "Make" => () => vehicle with { Make = "" },
            _ => new System.Func<Vehicle>(() => vehicle with { Model = "" }),
        };

        act.ShouldFailValidation("Vehicle", field, "");
    }

    [TestCase(1980)]
    [TestCase(0)]
    [TestCase(10000)]
    public void ModelYear_OutOfRange_Throws(int year)
    {
        var act = () => SampleFacts.Vehicle() with { ModelYear = year };

        act.ShouldFailValidation("Vehicle", "ModelYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void ModelYear_NextYearsModelBoughtThisYear_Allowed()
    {
        var vehicle = SampleFacts.Vehicle() with { PurchaseDate = new LocalDate(2026, 8, 1), ModelYear = 2027 };

        vehicle.ModelYear.Should().Be(2027);
    }

    [Test]
    public void ModelYear_MoreThanAYearAfterPurchase_Throws()
    {
        var act = () => SampleFacts.Vehicle() with { PurchaseDate = new LocalDate(2026, 8, 1), ModelYear = 2028 };

        act.ShouldFailValidation("Vehicle", "ModelYear", "2028");
    }

    [Test]
    public void PurchaseDate_YearsBeforeModelYear_Throws()
    {
        var act = () => SampleFacts.Vehicle() with { ModelYear = 2026, PurchaseDate = new LocalDate(2020, 1, 1) };

        act.ShouldFailValidation("Vehicle", "ModelYear", "2026");
    }

    [Test]
    public void IsModelYearPlausible_UpToNextYearPlusOne()
    {
        var today = new LocalDate(2026, 11, 24);

        (SampleFacts.Vehicle() with { ModelYear = 2028 }).IsModelYearPlausible(today).Should().BeTrue();
        (SampleFacts.Vehicle() with { ModelYear = 2029 }).IsModelYearPlausible(today).Should().BeFalse();
    }

    [Test]
    public void DeliveryDate_BeforePurchaseDate_Throws()
    {
        var act = () => SampleFacts.Vehicle() with { PurchaseDate = new LocalDate(2023, 5, 10), DeliveryDate = new LocalDate(2023, 5, 9) };

        act.ShouldFailValidation("Vehicle", "DeliveryDate", "2023-05-09");
    }

    [Test]
    public void PurchaseDate_AfterDeliveryDate_Throws()
    {
        var delivered = SampleFacts.Vehicle() with { DeliveryDate = new LocalDate(2023, 5, 9) };

        var act = () => delivered with { PurchaseDate = new LocalDate(2023, 5, 10) };

        act.ShouldFailValidation("Vehicle", "DeliveryDate", "2023-05-09");
    }

    [TestCase(0)]
    [TestCase(10)]
    public void DoorCount_OutOfRange_Throws(int doors)
    {
        var act = () => SampleFacts.Vehicle() with { DoorCount = doors };

        act.ShouldFailValidation("Vehicle", "DoorCount", doors.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void Enums_UnknownValue_Throw()
    {
        var vehicle = SampleFacts.Vehicle();

        new System.Func<Vehicle>(() => vehicle with { BodyType = (BodyType)99 }).ShouldFailValidation("Vehicle", "BodyType", "99");
        new System.Func<Vehicle>(() => vehicle with { Condition = (VehicleCondition)99 }).ShouldFailValidation("Vehicle", "Condition", "99");
        new System.Func<Vehicle>(() => vehicle with { Ownership = (OwnershipType)99 }).ShouldFailValidation("Vehicle", "Ownership", "99");
        new System.Func<Vehicle>(() => vehicle with { Unit = (DistanceUnit)99 }).ShouldFailValidation("Vehicle", "Unit", "99");
    }

    [Test]
    public void FactIdentity_StableAcrossWithVersions()
    {
        var vehicle = SampleFacts.Vehicle();

        var sold = vehicle with { IsOwned = false, OdometerReadings = [new OdometerReading(new LocalDate(2026, 1, 1), 20000)] };

        sold.FactIdentity.Should().Be(vehicle.FactIdentity);
    }
}
