using System.Linq;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    [Test]
    public void Compile_EnumComparison_UsesBareMemberNamesOnEitherSide()
    {
        _fixture.Condition("customer.status == Active").Should().BeTrue();
        _fixture.Condition("Active == customer.status").Should().BeTrue();
        _fixture.Condition("customer.status != Prospect").Should().BeTrue();
        _fixture.Customer = _fixture.Customer with { Status = CustomerStatus.Prospect };
        _fixture.Condition("customer.status == Active").Should().BeFalse();
        _fixture.Condition("customer.status in [Prospect, Inactive]").Should().BeTrue();
    }

    [Test]
    public void Compile_MixedNumbers_AreWidened()
    {
        _fixture.Condition("customer.balance > 12").Should().BeTrue();
        _fixture.Evaluate("customer.balance * 2").Should().Be(25.0m);
        _fixture.Condition("vehicle.rating >= 4.5").Should().BeTrue();
        _fixture.Evaluate("vehicle.mileage + 1").Should().Be(42_001L);
        _fixture.Evaluate("7.0 / 2").Should().Be(3.5m);
    }

    [Test]
    public void Compile_TextConcatenation_JoinsText() =>
        _fixture.Evaluate("customer.firstName + ', welcome'").Should().Be("Ada, welcome");

    [Test]
    public void Compile_DateArithmetic_UsesCalendarPeriods()
    {
        _fixture.Evaluate("today() + 14 days").Should().Be(new LocalDate(2026, 3, 29));
        _fixture.Evaluate("today() - 1 year").Should().Be(new LocalDate(2025, 3, 15));
        _fixture.Evaluate("2026-01-31 + 1 month").Should().Be(new LocalDate(2026, 2, 28));
        _fixture.Evaluate("2026-03-01 + 2 weeks").Should().Be(new LocalDate(2026, 3, 15));
        _fixture.Evaluate("08:30 + 2 hours").Should().Be(new LocalTime(10, 30));
        _fixture.Evaluate("23:30 + 45 minutes").Should().Be(new LocalTime(0, 15));
        _fixture.Evaluate("00:15 - 30 minutes").Should().Be(new LocalTime(23, 45));
    }

    [Test]
    public void Compile_InstantArithmetic_UsesFixedDurations()
    {
        var lastSeen = _fixture.Vehicle.LastSeen;
        _fixture.Evaluate("vehicle.lastSeen + 2 days").Should().Be(lastSeen + Duration.FromHours(48));
        _fixture.Evaluate("vehicle.lastSeen - 3 hours").Should().Be(lastSeen - Duration.FromHours(3));
        _fixture.Evaluate("vehicle.lastSeen + vehicle.serviceInterval").Should().Be(lastSeen + Duration.FromDays(365));
        _fixture.Evaluate("now() - vehicle.lastSeen").Should().BeOfType<Duration>();
        _fixture.Condition("now() - vehicle.lastSeen < vehicle.serviceInterval").Should().BeTrue();
    }

    [Test]
    public void Compile_DateComparisons_UseNodaTimeOrder()
    {
        _fixture.Condition("vehicle.registeredOn < today()").Should().BeTrue();
        _fixture.Condition("vehicle.registeredOn >= 2021-05-20").Should().BeTrue();
        _fixture.Condition("vehicle.registeredOn > 2021-05-20").Should().BeFalse();
        _fixture.Condition("vehicle.lastSeen < now()").Should().BeTrue();
    }

    [Test]
    public void Compile_ContextDeclaration_IsIncludedOnlyWhenUsed()
    {
        var plain = _fixture.Compile("vehicle.modelYear > 2000", typeof(bool));
        plain!.Declarations.Select(d => d.Name).Should().Equal("vehicle");
        var dated = _fixture.Compile("vehicle.registeredOn < today() and customer.status == Active", typeof(bool));
        dated!.Declarations.Select(d => d.Name).Should().Equal("vehicle", "$context", "customer");
        dated.Parameters.Select(p => p.Type).Should().Equal(dated.Declarations.Select(d => d.Type));
    }

    [Test]
    public void Compile_ExpectedType_WidensAndLifts()
    {
        _fixture.Compile("vehicle.modelYear", typeof(decimal))!.Type.Should().Be<decimal>();
        _fixture.Compile("today() + 14 days", typeof(LocalDate?))!.Type.Should().Be<LocalDate?>();
        _fixture.Compile("vehicle.purchaseDate", typeof(LocalDate?))!.Type.Should().Be<LocalDate?>();
        _fixture.Compile("customer.firstName", typeof(object))!.Type.Should().Be<object>();
    }

    [Test]
    public void Compile_RepeatedOperandOfBetween_IsEvaluatedOnce()
    {
        var compiled = _fixture.Compile("daysUntil(2026-04-20) between 30 and 60", typeof(bool))!;
        compiled.Body.Should().BeAssignableTo<System.Linq.Expressions.BlockExpression>("the function result is kept in a local");
        _fixture.Condition("daysUntil(2026-04-20) between 30 and 60").Should().BeTrue();
    }

    [Test]
    public void Evaluate_WholeNumberOverflow_FailsInsteadOfWrapping()
    {
        var act = () => _fixture.Evaluate("vehicle.modelYear * 2147483647");
        act.Should().Throw<System.Reflection.TargetInvocationException>().WithInnerException<System.OverflowException>();
        _fixture.Evaluate("vehicle.mileage * 1000").Should().Be(42_000_000L);
    }

    [Test]
    public void Evaluate_SmallestWholeNumber_CanBeWritten()
    {
        _fixture.Evaluate("-9223372036854775808").Should().Be(long.MinValue);
        _fixture.Condition("vehicle.mileage > -9223372036854775808").Should().BeTrue();
        _fixture.Error("-9223372036854775809").Code.Should().Be("ER2005");
    }

    // Floating-point arithmetic fails like whole numbers do, instead of giving Infinity or NaN (docs: Types).
    [TestCase("vehicle.rating / 0", typeof(System.DivideByZeroException))]
    [TestCase("vehicle.rating / 0.0", typeof(System.DivideByZeroException))]
    [TestCase("(vehicle.rating - vehicle.rating) / 0", typeof(System.DivideByZeroException))]
    [TestCase("vehicle.rating % 0", typeof(System.DivideByZeroException))]
    [TestCase("vehicle.rating * vehicle.rating", typeof(System.OverflowException))]
    [TestCase("vehicle.rating + vehicle.rating", typeof(System.OverflowException))]
    [TestCase("-vehicle.rating - vehicle.rating", typeof(System.OverflowException))]
    [TestCase("vehicle.rating / 0.5", typeof(System.OverflowException))]
    public void Evaluate_NonFiniteNumberResult_FailsInsteadOfInfinityOrNaN(string text, System.Type exception)
    {
        _fixture.Vehicle = _fixture.Vehicle with { Rating = double.MaxValue / 1.5 };

        var act = () => _fixture.Evaluate(text);

        act.Should().Throw<System.Reflection.TargetInvocationException>().Which.InnerException.Should().BeOfType(exception);
    }

    [Test]
    public void Evaluate_FiniteNumberArithmetic_KeepsItsValue()
    {
        _fixture.Evaluate("vehicle.rating / 2").Should().Be(2.25);
        _fixture.Evaluate("vehicle.rating % 2").Should().Be(0.5);
        _fixture.Evaluate("vehicle.rating * 2 - 1 + 0.5").Should().Be(8.5);
        _fixture.Evaluate("0 / vehicle.rating").Should().Be(0.0);
    }

    [TestCase("vehicle.ownerCustomerId == customer.customerId", typeof(string))]
    [TestCase("customer.status == Active", typeof(CustomerStatus))]
    [TestCase("vehicle.modelYear == 2021", typeof(int))]
    public void Compile_Equality_IsAPlainEqualNodeTheEngineCanIndex(string text, System.Type operandType)
    {
        var body = _fixture.Compile(text, typeof(bool))!.Body;
        body.NodeType.Should().Be(System.Linq.Expressions.ExpressionType.Equal);
        var equal = (System.Linq.Expressions.BinaryExpression)body;
        equal.Left.Type.Should().Be(operandType);
        (equal.Method is null || equal.Method.DeclaringType == typeof(string)).Should().BeTrue();
    }
}
