using System.Linq;
using Engagement.Rules.Yaml.Explaining;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>Rules that did not fire at a not, an exists, an any, an aggregate or a forall.</summary>
public sealed partial class RuleExplainerTest
{
    private const string Groups = """
        rules:
          - id: no-open-complaint
            when:
              - customer: Customer
              - not: { complaint: Complaint, where: "complaint.customerId == customer.customerId" }
            then: [ { signal: { name: calm } } ]
          - id: serviced-vehicle
            when:
              - customer: Customer
              - exists:
                  - vehicle: Vehicle
                    where: "vehicle.isOwned"
                  - ro: RepairOrder
                    where: "ro.vin == vehicle.vin"
            then: [ { signal: { name: serviced } } ]
          - id: civic-or-complaint
            when:
              - customer: Customer
              - any:
                  - civic: Vehicle
                    where: "civic.model == 'Civic'"
                  - grievance: Complaint
            then: [ { signal: { name: either } } ]
          - id: loyal-customer
            when:
              - customer: Customer
              - count: { as: visits, of: { visit: RepairOrder, where: "visit.customerId == customer.customerId" }, having: "visits >= 3" }
            then: [ { signal: { name: loyal } } ]
          - id: last-visit-long-ago
            when:
              - customer: Customer
              - max: { as: lastVisit, of: { last: RepairOrder }, value: "last.openedOn", having: "daysSince(lastVisit) > 365" }
            then: [ { signal: { name: lapsed } } ]
          - id: every-vehicle-serviced
            when:
              - customer: Customer
              - forall: { each: { owned: Vehicle }, satisfy: { done: RepairOrder, where: "done.vin == owned.vin" } }
            then: [ { signal: { name: all-serviced } } ]
        """;

    [Test]
    public void ExplainRule_NotMatched_NamesTheFactsThatBlockedIt()
    {
        var complaint = Complaint("K1");

        var rule = new RuleExplainer(Compile(Groups)).ExplainRule(FactsOf(null, complaint), At, "no-open-complaint");

        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.NegationMatched);
        (failure.Index, failure.Text).Should().Be((2, "not"));
        failure.Location.Should().Be(Position(Groups, "not:"));
        failure.BlockingCount.Should().Be(1);
        failure.Blocking.Should().ContainSingle().Which.Facts.Should().Equal(complaint);
    }

    [Test]
    public void ExplainRule_ExistsWithNothingInside_NamesTheFirstFailingElementInsideIt()
    {
        var rule = new RuleExplainer(Compile(Groups)).ExplainRule(FactsOf(null, Vehicle()), At, "serviced-vehicle");

        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.NothingExists);
        failure.Text.Should().Be("exists");
        var inner = failure.Inner.Should().ContainSingle().Subject;
        inner.Kind.Should().Be(ElementFailureKind.NoFacts);
        (inner.Index, inner.Count, inner.Text).Should().Be((1, 2, "ro: RepairOrder"));
        inner.Location.Should().Be(Position(Groups, "ro: RepairOrder"));
    }

    [Test]
    public void ExplainRule_AnyRule_NamesTheFailureOfEachAlternative()
    {
        var accord = Vehicle(model: "Accord");

        var rule = new RuleExplainer(Compile(Groups)).ExplainRule(FactsOf(null, accord), At, "civic-or-complaint");

        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.NoAlternativeMatched);
        failure.Text.Should().Be("any");
        failure.Inner.Select(f => (f.Kind, f.Text)).Should().Equal(
            (ElementFailureKind.ConditionRejected, "civic: Vehicle"),
            (ElementFailureKind.NoFacts, "grievance: Complaint"));
        failure.Inner[0].Candidates.Should().ContainSingle().Which.Value.Should().BeSameAs(accord);
        failure.Inner[0].Condition!.Text.Should().Be("civic.model == 'Civic'");
    }

    [Test]
    public void ExplainRule_AggregateConditionRejectsTheValue_NamesTheConditionAndTheValue()
    {
        var rule = new RuleExplainer(Compile(Groups)).ExplainRule(FactsOf(null, Vehicle(), Order(1), Order(2)), At, "loyal-customer");

        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.AggregateRejected);
        failure.Text.Should().Be("count as visits");
        failure.Location.Should().Be(Position(Groups, "count:"));
        failure.Condition!.Text.Should().Be("visits >= 3");
        failure.Candidates.Should().ContainSingle().Which.Value.Should().Be(2, "the customer has two repair orders");
    }

    [Test]
    public void ExplainRule_AggregateOfNothing_HasNoValue()
    {
        var rule = new RuleExplainer(Compile(Groups)).ExplainRule(FactsOf(), At, "last-visit-long-ago");

        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.AggregateEmpty, "the max of no repair order has no value");
        failure.Text.Should().Be("max as lastVisit");
        failure.Candidates.Should().BeEmpty();
    }

    [Test]
    public void ExplainRule_ForAllWithAnException_NamesTheFactsThatFailIt()
    {
        var serviced = Vehicle(Vin1);
        var neglected = Vehicle(Vin2);

        var rule = new RuleExplainer(Compile(Groups)).ExplainRule(FactsOf(null, serviced, neglected, Order(1, Vin1)), At, "every-vehicle-serviced");

        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.CounterExample);
        failure.Blocking.Select(m => m.Facts.Single()).Should().Equal(neglected);
    }
}
