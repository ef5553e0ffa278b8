using System;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml.Explaining;
using NodaTime;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>The instants explained: those an evaluator evaluates at; others are refused as the evaluator refuses them.</summary>
public sealed partial class RuleExplainerTest
{
    private static readonly Instant[] OutOfRange =
    [
        Instant.MinValue,
        Instant.MaxValue,
        EngagementEvaluator.EarliestInstant - Duration.Epsilon,
        Instant.FromUtc(9999, 12, 28, 0, 0) + Duration.Epsilon,
    ];

    [TestCaseSource(nameof(OutOfRange))]
    public void Explain_InstantOutOfRange_ThrowsArgumentOutOfRange(Instant at)
    {
        var explainer = new RuleExplainer(Compile(OwnedVehicle));

        var all = () => explainer.Explain(FactsOf(), at);
        var one = () => explainer.ExplainRule(FactsOf(), at, "owned-vehicle");

        foreach (var act in new Func<object>[] { all, one })
        {
            var thrown = act.Should().Throw<ArgumentOutOfRangeException>().Which;
            thrown.ParamName.Should().Be("at");
            thrown.ActualValue.Should().Be(at);
            thrown.Message.Should().Contain($"The evaluation instant {at} is").And.Contain("not a sentinel");
        }
    }

    [Test]
    public void Explain_EvaluationCarryingASentinelInstant_ThrowsArgumentOutOfRange()
    {
        var compiled = Compile(OwnedVehicle);
        var evaluation = EngagementEvaluator.Create(compiled, new NodaTime.Testing.FakeClock(At)).Evaluate(FactsOf(), At) with { EvaluatedAt = Instant.MinValue };
        var explainer = new RuleExplainer(compiled);

        var all = () => explainer.Explain(FactsOf(), evaluation);
        var one = () => explainer.ExplainRule(FactsOf(), evaluation, "owned-vehicle");

        all.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("evaluation");
        one.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("evaluation");
    }

    [Test]
    public void Explain_LatestInstantOfAnyEvaluator_IsExplained()
    {
        var explainer = new RuleExplainer(Compile(OwnedVehicle));
        var shortestSearch = PolicyOptions.Default with { QuietHours = PolicyOptions.Default.QuietHours with { SearchHorizonDays = 1 } };

        foreach (var at in new[] { EngagementEvaluator.EarliestInstant, EngagementEvaluator.LatestInstant(), EngagementEvaluator.LatestInstant(shortestSearch) })
        {
            var explained = explainer.Explain(FactsOf(), at);

            explained.Rules.Should().HaveCount(2, $"{at} is an instant an evaluator evaluates at");
            explained.Rules[0].Outcome.Should().Be(RuleOutcome.NotMatched);
        }
    }
}
