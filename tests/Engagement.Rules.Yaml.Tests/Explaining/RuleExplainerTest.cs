using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Explaining;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>Rules that fired, and the explanation as a whole (order, identity, instant).</summary>
public sealed partial class RuleExplainerTest
{
    private const string OwnedVehicle = """
        rules:
          - id: owned-vehicle
            when:
              - customer: Customer
              - vehicle: Vehicle
                where: [ "vehicle.ownerCustomerId == customer.customerId", "vehicle.isOwned" ]
            then: [ { signal: { name: owned } } ]
          - id: big-household
            when:
              - customer: Customer
                where: "(customer.householdSize ?? 0) > 100"
            then: [ { signal: { name: big } } ]
        """;

    [Test]
    public void Explain_FiredRule_ListsTheFactsOfEachFiring()
    {
        var first = Vehicle(Vin1);
        var second = Vehicle(Vin2);
        var explainer = new RuleExplainer(Compile(OwnedVehicle));

        var rule = explainer.ExplainRule(FactsOf(null, first, second), At, "owned-vehicle");

        rule.Outcome.Should().Be(RuleOutcome.Fired);
        rule.Failure.Should().BeNull();
        rule.FiringCount.Should().Be(2);
        rule.Firings.Select(f => f.Facts.OfType<Engagement.Rules.Facts.Vehicle>().Single()).Should().BeEquivalentTo([first, second]);
        rule.Firings.Should().AllSatisfy(f => f.Facts.OfType<Engagement.Rules.Facts.Customer>().Should().ContainSingle());
        rule.Decisions.Should().BeNull("no evaluation was given, so the policies' verdicts are unknown");
        rule.Suppressed.Should().BeNull();
    }

    [Test]
    public void Explain_EveryRule_InRuleSetOrderWithTheCustomerAndInstant()
    {
        var compiled = Compile(OwnedVehicle);

        var explanation = new RuleExplainer(compiled).Explain(FactsOf(null, Vehicle()), At);

        explanation.CustomerId.Should().Be("C1");
        explanation.At.Should().Be(At);
        explanation.Rules.Select(r => r.Rule).Should().Equal(compiled.Rules);
        explanation.Rules.Select(r => r.Outcome).Should().Equal(RuleOutcome.Fired, RuleOutcome.NotMatched);
    }

    [Test]
    public void ExplainRule_RuleLocation_IsWhereTheRuleStarts()
    {
        var rule = new RuleExplainer(Compile(OwnedVehicle)).ExplainRule(FactsOf(), At, "big-household");

        rule.Location.Should().NotBeNull();
        rule.Location.Should().Be(Position(OwnedVehicle, "- id: big-household") with { Column = 5 });
    }

    [Test]
    public void Explain_RuleBuiltInCSharp_IsExplainedWithoutPositions()
    {
        var rule = new RuleBuilder("csharp-rule")
            .Match<Engagement.Rules.Facts.Customer>("customer", c => c.HouseholdSize > 100)
            .Action(context => context.Halt())
            .Build();
        var explainer = new RuleExplainer(RuleCompiler.Compile([rule]));

        var explained = explainer.ExplainRule(FactsOf(Customer(household: 4)), At, "csharp-rule");

        explained.Outcome.Should().Be(RuleOutcome.NotMatched);
        explained.Location.Should().BeNull();
        explained.Failure!.Location.Should().BeNull();
        explained.Failure.Text.Should().Be("customer: Customer", "an element built in C# is described in the rule language's words");
        explained.Failure.Condition!.Text.Should().Contain("HouseholdSize", "a condition built in C# is shown as its compiled expression");
        explained.Failure.Condition.Location.Should().BeNull();
    }

    [Test]
    public void ExplainRule_MatchedButStoppedBeforeItsTurn_SaysItMatched()
    {
        // The first rule halts the session: the second one matches but never gets its turn.
        var halting = new RuleBuilder("halting").Priority(10).Match<Engagement.Rules.Facts.Customer>("customer").Action(context => context.Halt()).Build();
        var waiting = new RuleBuilder("waiting").Match<Engagement.Rules.Facts.Customer>("someone").Action(context => context.Halt()).Build();
        var explainer = new RuleExplainer(RuleCompiler.Compile([halting, waiting]));

        var explained = explainer.ExplainRule(FactsOf(), At, "waiting");

        explained.Outcome.Should().Be(RuleOutcome.MatchedButNotFired);
        explained.Failure.Should().BeNull();
        explained.FiringCount.Should().Be(0);
    }

    [Test]
    public void Explain_SameInputs_GiveTheSameExplanationFromSeveralThreads()
    {
        var explainer = new RuleExplainer(Compile(OwnedVehicle));
        var facts = FactsOf(null, Vehicle(Vin1, owned: false), Vehicle(Vin2, owned: false));

        var texts = Enumerable.Range(0, 8).AsParallel().Select(_ => Describe(explainer.Explain(facts, At))).ToArray();

        texts.Distinct().Should().ContainSingle();
        texts[0].Should().Contain("owned-vehicle:NotMatched");
    }

    private static string Describe(CustomerExplanation explanation) => string.Join(
        "|",
        explanation.Rules.Select(r => $"{r.RuleId}:{r.Outcome}:{r.Failure}:{string.Join(",", r.Failure?.Candidates.Select(c => $"{c.Value}/{c.RejectedBy.Index}") ?? [])}"));
}
