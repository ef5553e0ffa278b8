using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Yaml;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void Resolve_LoaderLimitLowered_HoldsTheRulesToIt()
    {
        using var provider = Services.Build(o =>
        {
            o.AddFactType<TradeInAppraisal>("TradeInAppraisal");
            o.AddRuleText("trade-in.yaml", Given.TradeInRule());
            o.Loader = RuleLoaderOptions.Default with { MaxExpressionLength = 20 };
        });

        var act = () => provider.GetRequiredService<IEngagementEvaluator>();

        act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors
            .Should().Contain(e => e.Contains("trade-in.yaml:7:", System.StringComparison.Ordinal) && e.Contains("ER0042", System.StringComparison.Ordinal));
    }

    [Test]
    public void Resolve_LoaderLimitsByDefault_LoadTheRules()
    {
        using var provider = Services.Build(o =>
        {
            o.AddFactType<TradeInAppraisal>("TradeInAppraisal");
            o.AddRuleText("trade-in.yaml", Given.TradeInRule());
        });

        provider.GetRequiredService<IEngagementEvaluator>().Should().NotBeNull();
    }

    [Test]
    public void AddEngagementRules_InvalidLoaderOptions_ReportsEveryProblem()
    {
        var act = () => new ServiceCollection().AddEngagementRules(o =>
        {
            o.AddRuleText("trade-in.yaml", Given.TradeInRule());
            o.Loader = RuleLoaderOptions.Default with { MaxRules = 0, MaxDepth = -1, Catalog = BuiltInFactTypes.CreateCatalog() };
        });

        var errors = act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors;
        errors.Should().HaveCount(3);
        errors.Should().Contain(e => e.Contains("Loader: MaxRules must be positive (was 0).", System.StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("Loader: MaxDepth must be positive (was -1).", System.StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("Loader: leave its Catalog", System.StringComparison.Ordinal) && e.Contains("AddFactType", System.StringComparison.Ordinal));
    }

    [Test]
    public void AddEngagementRules_NullLoader_ReportsIt()
    {
        var act = () => new ServiceCollection().AddEngagementRules(o =>
        {
            o.AddRuleText("trade-in.yaml", Given.TradeInRule());
            o.Loader = null!;
        });

        act.Should().Throw<EngagementRulesConfigurationException>().Which.Errors.Should().ContainSingle().Which.Should().Contain("Loader is null");
    }
}
