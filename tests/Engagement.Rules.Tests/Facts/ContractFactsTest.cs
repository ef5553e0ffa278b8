using System;

namespace Engagement.Rules.Tests.Facts;

/// <summary>Validation of the contract and coverage facts.</summary>
public sealed class ContractFactsTest
{
    [Test]
    public void FactoryWarranty_MileageLimitBelowOne_Throws()
    {
        var act = () => SampleFacts.FactoryWarranty() with { MileageLimit = 0 };

        act.ShouldFailValidation("FactoryWarranty", "MileageLimit", "0");
    }

    [Test]
    public void FactoryWarranty_NoMileageLimit_Allowed()
    {
        (SampleFacts.FactoryWarranty() with { MileageLimit = null }).MileageLimit.Should().BeNull();
    }

    [Test]
    public void FactoryWarranty_DefaultVin_Throws()
    {
        var act = () => SampleFacts.FactoryWarranty() with { Vin = default };

        act.ShouldFailValidation("FactoryWarranty", "Vin", null);
    }

    [Test]
    public void ExtendedServiceContract_EmptyContractId_Throws()
    {
        var act = () => SampleFacts.ExtendedServiceContract() with { ContractId = " " };

        act.ShouldFailValidation("ExtendedServiceContract", "ContractId", " ");
    }

    [Test]
    public void ExtendedServiceContract_NegativeMileageLimit_Throws()
    {
        var act = () => SampleFacts.ExtendedServiceContract() with { MileageLimit = -100 };

        act.ShouldFailValidation("ExtendedServiceContract", "MileageLimit", "-100");
    }

    [Test]
    public void LeaseContract_EmptyCustomerId_Throws()
    {
        var act = () => SampleFacts.LeaseContract() with { CustomerId = "" };

        act.ShouldFailValidation("LeaseContract", "CustomerId", "");
    }

    [Test]
    public void LeaseContract_ZeroAllowance_Throws()
    {
        var act = () => SampleFacts.LeaseContract() with { MileageAllowance = 0 };

        act.ShouldFailValidation("LeaseContract", "MileageAllowance", "0");
    }

    [TestCase(-0.1)]
    [TestCase(100.5)]
    public void FinanceContract_AprOutOfRange_Throws(double apr)
    {
        var value = (decimal)apr;
        var act = () => SampleFacts.FinanceContract() with { Apr = value };

        act.ShouldFailValidation("FinanceContract", "Apr", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void FinanceContract_NegativeBalance_Throws()
    {
        var act = () => SampleFacts.FinanceContract() with { Balance = -1m };

        act.ShouldFailValidation("FinanceContract", "Balance", "-1");
    }

    [Test]
    public void FinanceContract_OptionalAmountsUnknown_Allowed()
    {
        var contract = SampleFacts.FinanceContract() with { Apr = null, Balance = null };

        contract.Apr.Should().BeNull();
        contract.Balance.Should().BeNull();
    }

    [Test]
    public void GapCoverage_DefaultVin_Throws()
    {
        var act = () => SampleFacts.GapCoverage() with { Vin = default };

        act.ShouldFailValidation("GapCoverage", "Vin", null);
    }

    [Test]
    public void MaintenancePlan_NegativeVisits_Throws()
    {
        var act = () => SampleFacts.MaintenancePlan() with { VisitsRemaining = -1 };

        act.ShouldFailValidation("MaintenancePlan", "VisitsRemaining", "-1");
    }

    [Test]
    public void MaintenancePlan_NoVisitsLeft_Allowed()
    {
        (SampleFacts.MaintenancePlan() with { VisitsRemaining = 0 }).VisitsRemaining.Should().Be(0);
    }

    [Test]
    public void ExtendedServiceContract_IdentityIsContractId()
    {
        var contract = SampleFacts.ExtendedServiceContract();

        contract.FactIdentity.Should().Be(("ExtendedServiceContract", "ESC-1"));
        (contract with { EndDate = contract.EndDate.PlusYears(1) }).FactIdentity.Should().Be(contract.FactIdentity);
        (contract with { ContractId = "ESC-2" }).FactIdentity.Should().NotBe(contract.FactIdentity);
    }

    [Test]
    public void CoverageFacts_SameVinDifferentTypes_DifferentIdentities()
    {
        var identities = new object[]
        {
            SampleFacts.FactoryWarranty().FactIdentity,
            SampleFacts.LeaseContract().FactIdentity,
            SampleFacts.FinanceContract().FactIdentity,
            SampleFacts.GapCoverage().FactIdentity,
            SampleFacts.MaintenancePlan().FactIdentity,
            SampleFacts.Vehicle().FactIdentity,
        };

        identities.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void FinanceContract_ConstructedWithoutRequired_ImpossibleButWithIsValidated()
    {
        Action act = () => _ = SampleFacts.FinanceContract() with { CustomerId = null! };

        act.ShouldFailValidation("FinanceContract", "CustomerId", null);
    }
}
