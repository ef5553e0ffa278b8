using System.Linq;
using Engagement.Rules.Yaml.Explaining;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>Rules that did not fire at a pattern: no fact at all, a condition, a join, the effective dates.</summary>
public sealed partial class RuleExplainerTest
{
    private const string Patterns = """
        rules:
          - id: needs-complaint
            when:
              - customer: Customer
              - complaint: Complaint
                where: "complaint.customerId == customer.customerId"
            then: [ { signal: { name: complaint } } ]
          - id: civic-big-repair
            when:
              - customer: Customer
              - vehicle: Vehicle
                where: [ "vehicle.isOwned", "vehicle.model == 'Civic'" ]
              - ro: RepairOrder
                where:
                  - "ro.vin == vehicle.vin"
                  - "ro.total > 500"
            then: [ { signal: { name: civic } } ]
          - id: expired-campaign
            effective: { from: 2020-01-01, until: 2020-12-31 }
            when:
              - customer: Customer
            then: [ { signal: { name: expired } } ]
        """;

    [Test]
    public void ExplainRule_NoFactOfThePatternsType_NamesThePatternWhereItIsWritten()
    {
        var rule = new RuleExplainer(Compile(Patterns)).ExplainRule(FactsOf(null, Vehicle()), At, "needs-complaint");

        rule.Outcome.Should().Be(RuleOutcome.NotMatched);
        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.NoFacts);
        (failure.Index, failure.Count).Should().Be((2, 3), "element 0 is the evaluation context, 1 the customer");
        failure.Text.Should().Be("complaint: Complaint");
        failure.Location.Should().Be(Position(Patterns, "complaint: Complaint"));
        failure.Condition.Should().BeNull();
        failure.Candidates.Should().BeEmpty();
    }

    [Test]
    public void ExplainRule_JoinCondition_EachCandidateWithTheConditionThatRejectedIt()
    {
        var civic = Vehicle(Vin1, model: "Civic");
        var accord = Vehicle(Vin2, model: "Accord");
        var cheap = Order(1, Vin1, total: 100m);
        var accordRepair = Order(2, Vin2, total: 900m);

        var rule = new RuleExplainer(Compile(Patterns)).ExplainRule(FactsOf(null, civic, accord, cheap, accordRepair), At, "civic-big-repair");

        var failure = rule.Failure!;
        failure.Kind.Should().Be(ElementFailureKind.ConditionRejected);
        (failure.Index, failure.Count, failure.Text).Should().Be((3, 4, "ro: RepairOrder"));
        failure.Condition!.Index.Should().Be(1, "the cheap repair of the Civic passed the join, so the first condition no repair passed is the second");
        failure.Condition.Text.Should().Be("ro.total > 500");
        failure.Condition.Location.Should().Be(Position(Patterns, "\"ro.total > 500\""));
        failure.CandidateCount.Should().Be(2);
        failure.Candidates.Select(c => (c.Value, c.RejectedBy.Index)).Should().Equal(
            [(cheap, 1), (accordRepair, 0)],
            "candidates come in the order they entered the session; the Accord's repair joins no Civic");
        failure.Candidates[1].RejectedBy.Text.Should().Be("ro.vin == vehicle.vin");
    }

    [Test]
    public void ExplainRule_OutsideEffectiveDates_FailsAtTheEvaluationContextWithTheDateAsWritten()
    {
        var rule = new RuleExplainer(Compile(Patterns)).ExplainRule(FactsOf(), At, "expired-campaign");

        var failure = rule.Failure!;
        (failure.Index, failure.Text).Should().Be((0, "effective"));
        failure.Location.Should().Be(Position(Patterns, "effective: {"));
        failure.Kind.Should().Be(ElementFailureKind.ConditionRejected);
        failure.Condition!.Text.Should().Be("effective until 2020-12-31");
        failure.Condition.Location.Should().Be(Position(Patterns, "2020-12-31"));
        failure.Candidates.Should().ContainSingle().Which.Value.Should().BeOfType<Evaluation.EvaluationContext>();
    }
}
