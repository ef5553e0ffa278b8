using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    [Test]
    public void Compile_HasGuard_MakesTheFieldUsableOnTheRight()
    {
        _fixture.Condition("has(vehicle.purchaseDate) and vehicle.purchaseDate < today()").Should().BeTrue();
        _fixture.Vehicle = _fixture.Vehicle with { PurchaseDate = null };
        _fixture.Condition("has(vehicle.purchaseDate) and vehicle.purchaseDate < today()").Should().BeFalse();
    }

    [Test]
    public void Compile_NegatedHasInOr_MakesTheFieldUsableOnTheRight()
    {
        const string text = "not has(vehicle.purchaseDate) or vehicle.purchaseDate < 2020-01-01";
        _fixture.Condition(text).Should().BeFalse();
        _fixture.Vehicle = _fixture.Vehicle with { PurchaseDate = null };
        _fixture.Condition(text).Should().BeTrue();
    }

    [Test]
    public void Compile_HasGuardInANestedAnd_StillApplies() =>
        _fixture.Condition("vehicle.isOwned and has(vehicle.purchaseDate) and (vehicle.modelYear > 2000 and yearsSince(vehicle.purchaseDate) >= 2)")
            .Should().BeTrue();

    [TestCase("vehicle.purchaseDate < today() and has(vehicle.purchaseDate)", 0)]
    [TestCase("has(vehicle.purchaseDate) or vehicle.purchaseDate < today()", 29)]
    [TestCase("not has(vehicle.purchaseDate) and vehicle.purchaseDate < today()", 34)]
    [TestCase("has(customer.birthDate) and vehicle.purchaseDate < today()", 28)]
    [TestCase("yearsSince(vehicle.purchaseDate) > 1", 11)]
    [TestCase("customer.loyaltyPoints + 1 > 2", 0)]
    [TestCase("points > 3", 0)]
    [TestCase("startsWith(customer.email, 'a')", 11)]
    public void Compile_UnguardedUse_IsER2040AtTheField(string text, int offset)
    {
        var error = _fixture.Error(text, typeof(bool));
        error.Code.Should().Be("ER2040");
        error.Location.Column.Should().Be(ExpressionFixture.Origin.Column + offset);
    }

    [Test]
    public void Compile_Coalesce_GivesTheDefaultWhenMissing()
    {
        _fixture.Condition("(vehicle.purchaseDate ?? 2000-01-01) < 2025-01-01").Should().BeTrue();
        _fixture.Evaluate("customer.loyaltyPoints ?? 0").Should().Be(120);
        _fixture.Evaluate("customer.email ?? 'none'").Should().Be("ada@example.com");
        _fixture.Customer = _fixture.Customer with { LoyaltyPoints = null, Email = null };
        _fixture.Vehicle = _fixture.Vehicle with { PurchaseDate = null };
        _fixture.Evaluate("vehicle.purchaseDate ?? 2000-01-01").Should().Be(new LocalDate(2000, 1, 1));
        _fixture.Evaluate("customer.loyaltyPoints ?? 0").Should().Be(0);
        _fixture.Evaluate("customer.email ?? 'none'").Should().Be("none");
        _fixture.Condition("customer.loyaltyPoints ?? 0 > 100").Should().BeFalse();
    }

    [Test]
    public void Compile_CoalesceWithAWiderDefault_WidensTheValue()
    {
        _fixture.Evaluate("customer.loyaltyPoints ?? 1.5").Should().Be(120m);
        _fixture.Customer = _fixture.Customer with { LoyaltyPoints = null };
        _fixture.Evaluate("customer.loyaltyPoints ?? 1.5").Should().Be(1.5m);
    }

    [Test]
    public void Compile_NullableLet_IsGuardedLikeAField()
    {
        _fixture.Condition("has(points) and points > 3").Should().BeTrue();
        _fixture.Points = null;
        _fixture.Condition("has(points) and points > 3").Should().BeFalse();
        _fixture.Evaluate("points ?? 7").Should().Be(7);
    }

    [Test]
    public void Compile_FieldOfAMissingRecord_IsGuardedAndMayBeMissing()
    {
        _fixture.Error("customer.address.city == 'Lyon'", typeof(bool)).Code.Should().Be("ER2040");
        const string text = "has(customer.address) and customer.address.city == 'Lyon'";
        _fixture.Condition(text).Should().BeTrue();
        _fixture.Condition("has(customer.address.city) and customer.address.city == 'Lyon'").Should().BeTrue();
        _fixture.Customer = _fixture.Customer with { Address = null };
        _fixture.Condition(text).Should().BeFalse();
        _fixture.Condition("has(customer.address.postalCode)").Should().BeFalse();
        _fixture.Evaluate("customer.address.city ?? 'unknown'").Should().Be("unknown");
    }

    [Test]
    public void Compile_NullableFieldOfAPresentRecord_NeedsItsOwnGuard()
    {
        _fixture.Error("has(customer.address) and customer.address.postalCode == '69001'", typeof(bool)).Code.Should().Be("ER2040");
        _fixture.Condition("has(customer.address.postalCode) and customer.address.postalCode == '69001'").Should().BeFalse();
    }

    [Test]
    public void Compile_UnguardedValueOfUnconstrainedType_StaysNullable()
    {
        var compiled = _fixture.Compile("vehicle.purchaseDate");
        compiled!.Type.Should().Be<LocalDate?>();
        _fixture.Diagnostics.Items.Should().BeEmpty();
    }

    [Test]
    public void Compile_HasGuardedEnumAndAnnualDate_Work()
    {
        _fixture.Condition("has(customer.anniversary) and month(customer.anniversary) == 2").Should().BeTrue();
        _fixture.Diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
    }

    [Test]
    public void Compile_WithoutExpectedType_SaysWhetherTheValueMayBeMissing()
    {
        _fixture.Compile("customer.address")!.MayBeMissing.Should().BeTrue();
        _fixture.Compile("vehicle.purchaseDate")!.MayBeMissing.Should().BeTrue();
        _fixture.Compile("customer.firstName")!.MayBeMissing.Should().BeFalse();
        _fixture.Compile("customer.email ?? ''")!.MayBeMissing.Should().BeFalse();
        _fixture.Compile("vehicle.purchaseDate", typeof(LocalDate?))!.MayBeMissing.Should().BeFalse("the place accepts a missing value");
    }

    [Test]
    public void Compile_LetDeclaredMaybeMissing_NeedsAGuard()
    {
        _fixture.Error("home.city == 'Lyon'", typeof(bool)).Code.Should().Be("ER2040");
        const string text = "has(home) and home.city == 'Lyon'";
        _fixture.Condition(text).Should().BeTrue();
        _fixture.Evaluate("home.postalCode ?? 'none'").Should().Be("69001");
        _fixture.Home = null;
        _fixture.Condition(text).Should().BeFalse();
        _fixture.Evaluate("home.city ?? 'none'").Should().Be("none");
    }
}
