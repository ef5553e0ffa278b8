using System.Linq;
using Engagement.Rules.Yaml.Explaining;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>A customer with many facts: every list is bounded, the counts are whole.</summary>
public sealed partial class RuleExplainerTest
{
    private const int ManyOrders = 3000;

    private const string PerOrder = """
        rules:
          - id: every-order
            when:
              - customer: Customer
              - order: RepairOrder
            then: [ { signal: { name: order } } ]
          - id: huge-order
            when:
              - customer: Customer
              - vehicle: Vehicle
              - order: RepairOrder
                where: [ "order.vin == vehicle.vin", "order.total > 10000" ]
            then: [ { signal: { name: huge } } ]
        """;

    [Test]
    public void Explain_BigCustomer_ListsAtMostMaxListedWithTheFullCounts()
    {
        var orders = Enumerable.Range(1, ManyOrders).Select(i => (object)Order(i)).ToArray();
        var explainer = new RuleExplainer(Compile(PerOrder), maxListed: 7);

        var explanation = explainer.Explain(FactsOf([Vehicle(), .. orders]), At);

        var every = explanation.Rules[0];
        every.FiringCount.Should().Be(ManyOrders);
        every.Firings.Should().HaveCount(7);
        var huge = explanation.Rules[1].Failure!;
        huge.Condition!.Text.Should().Be("order.total > 10000");
        huge.CandidateCount.Should().Be(ManyOrders);
        huge.Candidates.Select(c => c.Value).Should().Equal(orders.Take(7), "the first candidates in the order they entered the session");
    }

    [Test]
    public void Explain_ProbesPastTheMatchGuard_ThrowNamingTheRuleAndTheCustomer()
    {
        // The rule itself filters the orders before joining them (no order is over 10,000); its probe of the pattern
        // without conditions pairs the vehicle with every order, past the guard.
        var orders = Enumerable.Range(1, 200).Select(i => (object)Order(i)).ToArray();
        var hugeOrderOnly = "rules:\n" + PerOrder[PerOrder.IndexOf("  - id: huge-order", System.StringComparison.Ordinal)..];
        var explainer = new RuleExplainer(Compile(hugeOrderOnly), session: EngagementEvaluator.DefaultSessionOptions with { MaxPartialMatches = 150 });

        var act = () => explainer.ExplainRule(FactsOf([Vehicle(), .. orders]), At, "huge-order");

        var thrown = act.Should().Throw<EngagementEvaluationException>().Which;
        thrown.Message.Should().StartWith("Explaining rule 'huge-order' failed for customer C1:");
        thrown.InnerException.Should().BeOfType<Engine.RuleMatchLimitException>();
    }

    [Test]
    public void Constructor_Default_ListsTwenty()
    {
        new RuleExplainer(Compile(PerOrder)).MaxListed.Should().Be(RuleExplainer.DefaultMaxListed).And.Be(20);
    }
}
