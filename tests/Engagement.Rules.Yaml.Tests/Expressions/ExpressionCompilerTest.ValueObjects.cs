namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    [Test]
    public void Compile_ValueObjectFields_AreReadable()
    {
        _fixture.Condition("vehicle.plate.value == 'AB-123-CD' and vehicle.plate.region == 'FR'").Should().BeTrue();
        _fixture.Condition("vehicle.plate == vehicle.plate").Should().BeTrue();
    }

    [Test]
    public void Compile_MissingValueObject_IsGuarded()
    {
        _fixture.Error("vehicle.previousPlate.value == 'X'", typeof(bool)).Code.Should().Be("ER2040");
        const string text = "has(vehicle.previousPlate) and vehicle.previousPlate.region == 'FR'";
        _fixture.Condition(text).Should().BeFalse();
        _fixture.Evaluate("vehicle.previousPlate.region ?? 'none'").Should().Be("none");
        _fixture.Vehicle = _fixture.Vehicle with { PreviousPlate = new Plate("ZZ-999-ZZ", "FR") };
        _fixture.Condition(text).Should().BeTrue();
        _fixture.Evaluate("vehicle.previousPlate.region ?? 'none'").Should().Be("FR");
    }

    [Test]
    public void Compile_ValueObjectComparedWithText_SuggestsItsField()
    {
        var error = _fixture.Error("vehicle.plate == 'AB-123-CD'", typeof(bool));
        error.Code.Should().Be("ER2030");
        error.Message.Should().Contain("Compare one of its fields instead: .region, .value.");
    }

    [Test]
    public void Compile_WellKnownValuesOfAnOpenSet_AreBareNames()
    {
        _fixture.Condition("vehicle.preferred == Sms").Should().BeTrue();
        _fixture.Condition("vehicle.preferred in [Email, Phone]").Should().BeFalse();
        _fixture.Condition("Email != vehicle.preferred").Should().BeTrue();
    }

    [Test]
    public void Compile_UnknownWellKnownValue_IsER2033WithDidYouMean()
    {
        var error = _fixture.Error("vehicle.preferred == Emial", typeof(bool));
        error.Code.Should().Be("ER2033");
        error.Message.Should().Contain("Did you mean 'Email'?");
    }

    [Test]
    public void Compile_ListOfRecords_CountsAndContains()
    {
        _fixture.Evaluate("count(customer.otherAddresses)").Should().Be(1);
        _fixture.Condition("has(customer.address) and customer.address in customer.otherAddresses").Should().BeFalse();
    }

    [Test]
    public void Compile_StructWithoutEquality_IsATypeErrorButItsFieldsCompare()
    {
        var error = _fixture.Error("vehicle.location == vehicle.location", typeof(bool));
        error.Code.Should().Be("ER2030");
        error.Message.Should().Contain("defines no equality");
        _fixture.Condition("vehicle.location.latitude > 45").Should().BeTrue();
    }
}
