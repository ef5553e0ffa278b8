using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void AddFactType_HostType_IsUsableFromARule()
    {
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();

        var high = evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000)));
        var low = evaluator.Evaluate(Given.For("C1", new TradeInAppraisal("C1", 100_000)));

        high.Decisions.Should().ContainSingle().Which.Should().Match<TouchDecision>(d => d.RuleId == "trade-in-offer" && d.Topic == "sales.trade-in");
        low.Decisions.Should().BeEmpty();
        low.Suppressed.Should().BeEmpty("the rule did not propose anything under the threshold");
        high.Diagnostics.Select(d => d.Message).Should().BeEmpty();
    }
}
