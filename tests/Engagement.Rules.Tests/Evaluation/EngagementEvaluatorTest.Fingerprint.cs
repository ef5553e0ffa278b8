using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;
using NodaTime.Testing;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>Every result names the rule set that decided it, so an audit after a hot reload knows which rules did.</summary>
public sealed partial class EngagementEvaluatorTest
{
    private const string PackFingerprint = "dealer-pack/7+0c1d";

    private static bool Fails(Customer customer) =>
        customer.CustomerId == "C-BOOM" ? throw new InvalidOperationException("boom") : false;

    [Test]
    public void Evaluate_RulesWithFingerprint_ResultCarriesIt()
    {
        var evaluator = EngagementEvaluator.Create(RuleCompiler.Compile(DealershipRules.Rules, PackFingerprint), new FakeClock(Now));

        evaluator.Evaluate(FactsOf(Customer(), null, Vehicle())).RuleSetFingerprint.Should().Be(PackFingerprint);
        evaluator.Evaluate(FactsOf(Customer(), null, Vehicle()), Now).RuleSetFingerprint.Should().Be(PackFingerprint);
    }

    [Test]
    public void Evaluate_RulesWithoutFingerprint_ResultHasNone()
    {
        var evaluator = EngagementEvaluator.Create(DealershipRules, new FakeClock(Now));

        evaluator.Evaluate(FactsOf(Customer(), null, Vehicle())).RuleSetFingerprint.Should().BeNull();
    }

    [Test]
    public void Forecast_RulesWithFingerprint_EveryDaysResultCarriesIt()
    {
        var evaluator = EngagementEvaluator.Create(RuleCompiler.Compile(DealershipRules.Rules, PackFingerprint), new FakeClock(Now));

        var forecast = evaluator.Forecast(FactsOf(null, null, Vehicle()), Now, 3);

        forecast.DailyResults.Select(r => r.RuleSetFingerprint).Should().Equal(PackFingerprint, PackFingerprint, PackFingerprint);
    }

    [Test]
    public async Task EvaluateAsync_FailedCustomer_ItsResultCarriesTheFingerprintToo()
    {
        var failing = new RuleBuilder("fails-for-one")
            .Match<Customer>("c", c => Fails(c))
            .Action(ctx => ctx.Halt())
            .Build();
        var evaluator = EngagementEvaluator.Create(RuleCompiler.Compile([.. DealershipRules.Rules, failing], PackFingerprint), new FakeClock(Now));

        var results = new List<EngagementResult>();
        await foreach (var result in evaluator.EvaluateAsync(ToAsync([FactsOf(Customer(), null, Vehicle()), FactsOf(Customer(id: "C-BOOM"), null)], new Counter()), 2))
        {
            results.Add(result);
        }

        results[1].Diagnostics.Should().ContainSingle().Which.Code.Should().Be(EngagementDiagnosticCode.EvaluationFailed);
        results.Select(r => r.RuleSetFingerprint).Should().Equal(PackFingerprint, PackFingerprint);
    }
}
