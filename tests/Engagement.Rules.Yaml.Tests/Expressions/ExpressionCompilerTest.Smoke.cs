namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    private ExpressionFixture _fixture = null!;

    [SetUp]
    public void CreateFixture() => _fixture = new ExpressionFixture();

    [TestCase("vehicle.ownerCustomerId == customer.customerId and vehicle.isOwned", true)]
    [TestCase("customer.status == Active", true)]
    [TestCase("customer.status != Active", false)]
    [TestCase("has(vehicle.purchaseDate) and yearsSince(vehicle.purchaseDate) >= 1", true)]
    [TestCase("daysUntil(2026-04-20) between 30 and 60", true)]
    [TestCase("not vehicle.isOwned or vehicle.modelYear > 2020", true)]
    public void Compile_BriefExamples_EvaluateAsExpected(string text, bool expected) =>
        _fixture.Condition(text).Should().Be(expected);
}
