using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml;
using NodaTime;

namespace Engagement.Rules.DependencyInjection.Tests;

/// <summary>The options' own validation, as a host may run it before registering (the shape every options type has).</summary>
public sealed class EngagementRulesOptionsTest
{
    [Test]
    public void GetErrors_SeveralProblems_ListsEveryOneWithItsPrefix()
    {
        var options = new EngagementRulesOptions { HotReload = true, Session = new SessionOptions { MaxFiringsPerFire = 0 }, Loader = RuleLoaderOptions.Default with { MaxRules = 0 } };

        var errors = options.GetErrors();

        errors.Should().HaveCount(4);
        errors.Should().ContainSingle(e => e.StartsWith("No rules", System.StringComparison.Ordinal));
        errors.Should().ContainSingle(e => e.StartsWith("HotReload", System.StringComparison.Ordinal));
        errors.Should().Contain("Session: MaxFiringsPerFire must be positive (was 0).");
        errors.Should().Contain("Loader: MaxRules must be positive (was 0).");
    }

    [Test]
    public void GetErrors_PathWithACharacterNotAllowed_ListsItInsteadOfThrowing()
    {
        // Path.GetFullPath, used to show where a missing path points, throws for a NUL character.
        var options = new EngagementRulesOptions();
        options.RulePaths.Add("rules\0evil");
        options.RulePaths.Add("rules-that-are-not-there");

        var errors = options.GetErrors();

        errors.Should().Equal(
            "RulePaths[0] contains a character not allowed in a path.",
            $"RulePaths[1]: 'rules-that-are-not-there' (full path '{System.IO.Path.GetFullPath("rules-that-are-not-there")}') is neither a folder nor a file.");
    }

    [Test]
    public void Validate_SeveralProblems_ThrowsTheExceptionAddEngagementRulesThrowsListingEveryOne()
    {
        var options = new EngagementRulesOptions { ReloadDelay = Duration.FromMinutes(-1) };
        options.RulePaths.Add(" ");

        var act = () => options.Validate();

        var exception = act.Should().Throw<EngagementRulesConfigurationException>().Which;
        exception.Errors.Should().Equal(options.GetErrors()).And.HaveCount(2);
        exception.Message.Should().StartWith("The engagement rules options have 2 error(s):");
        foreach (var error in exception.Errors)
        {
            exception.Message.Should().Contain("- " + error);
        }
    }

    [Test]
    public void Validate_ValidOptions_DoesNotThrow()
    {
        var options = new EngagementRulesOptions();
        options.AddRuleText("a.yaml", Given.TradeInRule());

        options.GetErrors().Should().BeEmpty();
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }
}
