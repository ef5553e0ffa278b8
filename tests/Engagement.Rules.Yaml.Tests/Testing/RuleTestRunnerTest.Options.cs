using System;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>Options that cannot work are refused when the runner is created, not at the first case.</summary>
public sealed partial class RuleTestRunnerTest
{
    [Test]
    public void Constructor_InvalidLoaderLimits_ThrowsNamingThem()
    {
        var act = () => new RuleTestRunner(new RuleTestOptions { Loader = RuleLoaderOptions.Default with { MaxDepth = 0 } });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().Contain("MaxDepth must be positive");
    }

    [Test]
    public void Constructor_NullPolicy_ThrowsInsteadOfFallingBackToTheDefaults()
    {
        var act = () => new RuleTestRunner(new RuleTestOptions { Policy = null! });

        act.Should().Throw<ArgumentException>().WithMessage("RuleTestOptions.Policy is null*").Which.ParamName.Should().Be("options");
    }
}
