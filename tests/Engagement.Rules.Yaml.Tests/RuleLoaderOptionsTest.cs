namespace Engagement.Rules.Yaml.Tests;

public sealed class RuleLoaderOptionsTest
{
    [Test]
    public void GetErrors_Defaults_None()
    {
        RuleLoaderOptions.Default.GetErrors().Should().BeEmpty();
    }

    [Test]
    public void GetErrors_SeveralProblems_NamesEveryOne()
    {
        var options = new RuleLoaderOptions { Catalog = null!, MaxFileBytes = 0, MaxDepth = -1, MaxRules = 0, MaxFiles = -5, MaxExpressionLength = 0 };

        options.GetErrors().Should().Equal(
            "Catalog is null; leave it at its default or set a catalogue.",
            "MaxFileBytes must be positive (was 0).",
            "MaxDepth must be positive (was -1).",
            "MaxRules must be positive (was 0).",
            "MaxFiles must be positive (was -5).",
            "MaxExpressionLength must be positive (was 0).");
    }

    [Test]
    public void LoaderConstructor_InvalidOptions_ThrowsNamingEveryProblem()
    {
        var act = () => new RuleFileLoader(new RuleLoaderOptions { MaxRules = 0, MaxDepth = 0 });

        act.Should().Throw<System.ArgumentOutOfRangeException>()
            .WithMessage("*MaxDepth must be positive (was 0).*MaxRules must be positive (was 0).*")
            .Which.ParamName.Should().Be("options");
    }

    [Test]
    public void Validate_SeveralProblems_ThrowsNamingEveryOne()
    {
        var options = new RuleLoaderOptions { MaxRules = 0, MaxDepth = 0 };

        var act = () => options.Validate();

        act.Should().Throw<System.ArgumentOutOfRangeException>()
            .WithMessage("Invalid RuleLoaderOptions: MaxDepth must be positive (was 0). MaxRules must be positive (was 0).")
            .Which.ParamName.Should().BeNull("the options were not a parameter");
    }

    [Test]
    public void Validate_Defaults_DoesNotThrow()
    {
        var act = () => RuleLoaderOptions.Default.Validate();

        act.Should().NotThrow();
    }
}
