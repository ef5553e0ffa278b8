using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class VinTest
{
    // Check digits verified by hand with the 49 CFR 565 transliteration and weights 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2.
    [TestCase("1M8GDM9AXKP042788")]
    [TestCase("11111111111111111")]
    [TestCase("1HGCM82633A004352")]
    [TestCase("1G1ZT53826F109149")]
    public void Parse_ValidNorthAmericanVin_Succeeds(string text)
    {
        var vin = Vin.Parse(text);

        vin.Value.Should().Be(text);
        vin.IsNorthAmerican.Should().BeTrue();
        vin.CheckDigitWarning.Should().BeNull();
        vin.ToString().Should().Be(text);
    }

    [Test]
    public void ComputeCheckDigit_RemainderTen_IsX()
    {
        Vin.ComputeCheckDigit("1M8GDM9AXKP042788").Should().Be('X');
    }

    [Test]
    public void Parse_LowerCase_IsUpperCased()
    {
        Vin.Parse("1hgcm82633a004352").Value.Should().Be("1HGCM82633A004352");
    }

    [TestCase("1HGCM8263IA004352", 10, 'I')]
    [TestCase("OHGCM82633A004352", 1, 'O')]
    [TestCase("1HGCM82633A00435Q", 17, 'Q')]
    [TestCase("1HGCM82633A-04352", 12, '-')]
    [TestCase("1HGCM82633A 04352", 12, ' ')]
    public void Parse_InvalidCharacter_ThrowsNamingCharacterAndPosition(string text, int position, char character)
    {
        var act = () => Vin.Parse(text);

        var exception = act.Should().Throw<FactValidationException>().Which;
        exception.FactType.Should().Be("Vin");
        exception.Value.Should().Be(text);
        exception.Message.Should().Contain($"'{character}' at position {position}");
    }

    [TestCase("1HGCM82633A00435")]
    [TestCase("1HGCM82633A0043520")]
    public void Parse_WrongLength_Throws(string text)
    {
        var act = () => Vin.Parse(text);

        act.Should().Throw<FactValidationException>().WithMessage($"*{text.Length} characters; expected exactly 17*");
    }

    [TestCase(null)]
    [TestCase("")]
    public void Parse_Missing_Throws(string? text)
    {
        var act = () => Vin.Parse(text);

        act.Should().Throw<FactValidationException>().WithMessage("*missing*");
    }

    [Test]
    public void Parse_NorthAmericanCheckDigitMismatch_ThrowsWithExpectedAndActual()
    {
        var act = () => Vin.Parse("1HGCM82643A004352");

        act.Should().Throw<FactValidationException>()
            .WithMessage("*check digit '4' at position 9; expected '3'*");
    }

    [Test]
    public void TryParse_NorthAmericanCheckDigitMismatch_ReturnsProblem()
    {
        var ok = Vin.TryParse("5YJSA1E26HF000337", out var vin, out var problem);

        ok.Should().BeFalse();
        vin.IsEmpty.Should().BeTrue();
        problem!.Kind.Should().Be(VinProblemKind.CheckDigitMismatch);
        problem.IsError.Should().BeTrue();
        problem.Position.Should().Be(9);
        problem.Character.Should().Be('6');
        problem.ExpectedCheckDigit.Should().Be('7');
    }

    [TestCase("WBA3A5C51CF256651", '1', '7')]
    [TestCase("JH4DA9350MS016526", '0', '2')]
    public void Parse_NonNorthAmericanCheckDigitMismatch_OnlyWarns(string text, char actual, char expected)
    {
        var vin = Vin.Parse(text);

        vin.IsNorthAmerican.Should().BeFalse();
        var warning = vin.CheckDigitWarning;
        warning.Should().NotBeNull();
        warning!.IsError.Should().BeFalse();
        warning.Kind.Should().Be(VinProblemKind.CheckDigitMismatch);
        warning.Character.Should().Be(actual);
        warning.ExpectedCheckDigit.Should().Be(expected);
        Vin.Validate(text).Should().Be(warning);
    }

    [Test]
    public void Parse_NonNorthAmericanMatchingCheckDigit_HasNoWarning()
    {
        Vin.Parse("JH4KA7561PC008269").CheckDigitWarning.Should().BeNull();
    }

    [Test]
    public void TryParse_InvalidCharacter_ReturnsProblemWithPosition()
    {
        Vin.TryParse("1HGCM82633A0Q4352", out _, out var problem).Should().BeFalse();

        problem!.Kind.Should().Be(VinProblemKind.InvalidCharacter);
        problem.Position.Should().Be(13);
        problem.Character.Should().Be('Q');
    }

    [Test]
    public void TryParse_Valid_ReturnsNoProblem()
    {
        Vin.TryParse("11111111111111111", out var vin, out var problem).Should().BeTrue();

        problem.Should().BeNull();
        vin.Should().Be(Vin.Parse("11111111111111111"));
    }

    [Test]
    public void Validate_ValidVin_ReturnsNull()
    {
        Vin.Validate("1M8GDM9AXKP042788").Should().BeNull();
    }

    [Test]
    public void WorldManufacturerIdentifier_IsFirstThreeCharacters()
    {
        Vin.Parse("1HGCM82633A004352").WorldManufacturerIdentifier.Should().Be("1HG");
    }

    [Test]
    public void Default_IsEmptyAndRejectedByFacts()
    {
        default(Vin).IsEmpty.Should().BeTrue();

        var act = () => SampleFacts.Vehicle() with { Vin = default };

        act.ShouldFailValidation("Vehicle", "Vin", null);
    }
}
