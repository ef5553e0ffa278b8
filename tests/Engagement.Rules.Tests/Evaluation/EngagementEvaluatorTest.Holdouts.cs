using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies.Pipeline;
using Engagement.Rules.Policies;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_GlobalHoldout_HoldsOutRoughlyTheConfiguredShareStably()
    {
        var options = PolicyOptions.Default with { Holdouts = new HoldoutOptions { GlobalPercent = 5 } };
        var evaluator = Evaluator(options, (facts, _) => [Proposal("offer", customer: facts.Customer.CustomerId)]);
        var ids = Enumerable.Range(0, 4000).Select(i => "CUST-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        bool HeldOut(string id) => evaluator.Evaluate(FactsOf(Customer(id), null), Now).HeldOut.Count == 1;
        var first = ids.Where(HeldOut).ToArray();
        var second = ids.Where(HeldOut).ToArray();

        second.Should().Equal(first, "the assignment is a stable hash of the customer id");
        ((double)first.Length / ids.Length).Should().BeApproximately(0.05, 0.015);
    }

    [Test]
    public void Evaluate_HeldOutTouch_IsReportedAsHeldOutNotSuppressed()
    {
        var options = PolicyOptions.Default with { Holdouts = new HoldoutOptions { GlobalPercent = 100 } };

        var result = Evaluate(Proposal("offer"), options: options);

        result.Decisions.Should().BeEmpty();
        result.Suppressed.Should().BeEmpty();
        var held = result.HeldOut.Should().ContainSingle().Subject;
        held.Reason.Should().Be(SuppressionReason.HeldOut);
        held.IdempotencyKey.Should().NotBeEmpty("the host matches held-out touches to outcomes by key");
        Steps(held).Should().Contain("global control group (100%)");
    }

    [Test]
    public void Evaluate_SafetyTouch_IsNeverHeldOut()
    {
        var options = PolicyOptions.Default with { Holdouts = new HoldoutOptions { GlobalPercent = 100, RulePercents = new Dictionary<string, double> { ["recall"] = 100 } } };

        Single(Evaluate(Proposal("recall", TouchClass.Safety, "safety.recall"), options: options)).Class.Should().Be(TouchClass.Safety);
    }

    [Test]
    public void Evaluate_PerRuleHoldout_HoldsOutOnlyThatRule()
    {
        var options = RoomyDays with { Holdouts = new HoldoutOptions { RulePercents = new Dictionary<string, double> { ["birthday"] = 100 } } };

        var result = Evaluate([Proposal("birthday", TouchClass.Relationship, kind: TouchKind.Greeting), Proposal("oil", TouchClass.Service)], options: options);

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("oil");
        Steps(result.HeldOut.Single()).Should().Contain("control group of rule birthday (100%)");
    }

    [Test]
    public void Evaluate_PerRuleHoldout_IsIndependentOfTheGlobalGroupAndOtherRules()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => "ID" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        var ruleA = ids.Where(id => HoldoutAssigner.IsHeldOut(string.Empty, "rule:a", id, 10)).ToHashSet();
        var ruleB = ids.Where(id => HoldoutAssigner.IsHeldOut(string.Empty, "rule:b", id, 10)).ToHashSet();

        ruleA.Count.Should().BeInRange(140, 260);
        ruleA.Intersect(ruleB).Count().Should().BeLessThan(60, "independent 10% groups overlap in about 1% of customers");
    }
}
