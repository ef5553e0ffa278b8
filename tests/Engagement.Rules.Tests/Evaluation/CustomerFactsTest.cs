using Engagement.Rules.Facts;
using Engagement.Rules.Evaluation;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class CustomerFactsTest
{
    [Test]
    public void Create_FactsOfTheCustomerAndSharedFacts_AreAccepted()
    {
        var weather = new TemperatureForecast { RegionCode = "NY", Date = Today, LowCelsius = -3 };

        var facts = FactsOf(null, null, Vehicle(), Sent("T1", Decisions.TouchClass.Service, "x", Now, vin: Vin1), weather);

        facts.Facts.Should().HaveCount(3);
    }

    [Test]
    public void Create_RepairOrderOfAnotherCustomer_IsAnErrorNamingTheFact()
    {
        var order = new RepairOrder { RepairOrderId = "RO-9", Vin = Vin.Parse(Vin1), CustomerId = "C2", OpenedOn = Today, Mileage = 1 };

        var act = () => FactsOf(null, null, Vehicle(), order);

        act.Should().Throw<System.ArgumentException>().WithMessage("Facts[1] (RepairOrder RO-9) belongs to customer 'C2', not to customer 'C1'.");
    }

    [Test]
    public void Create_VehicleOfAnotherCustomer_IsAnError()
    {
        var act = () => FactsOf(null, null, Vehicle(owner: "C2"));

        act.Should().Throw<System.ArgumentException>().WithMessage($"Facts[0] (Vehicle {Vin1}) is owned by customer 'C2'*");
    }

    [Test]
    public void Create_FactAboutAnotherVehicle_IsAnError()
    {
        var complaint = new Complaint { Id = "CP-1", CustomerId = "C1", OpenedOn = Today, Vin = Vin.Parse(Vin2) };

        var act = () => FactsOf(null, null, Vehicle(), complaint);

        act.Should().Throw<System.ArgumentException>().WithMessage($"*Complaint CP-1*vehicle {Vin2}*");
    }

    [Test]
    public void Create_EvaluationContextAmongFacts_IsAnError()
    {
        var act = () => FactsOf(null, null, new EvaluationContext(Now, DateTimeZone.Utc));

        act.Should().Throw<System.ArgumentException>().WithMessage("*EvaluationContext*evaluator inserts*");
    }

    [Test]
    public void Create_TwoVersionsOfOneFact_IsAnErrorNamingBoth()
    {
        var act = () => FactsOf(null, null, Vehicle(), Vehicle() with { Model = "Civic" });

        act.Should().Throw<System.ArgumentException>().WithMessage($"Facts[1] (Vehicle {Vin1}) of customer 'C1' has the same identity as Facts[0]*");
    }
}
