using System;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Explaining;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>Bad input: an unknown rule id, an evaluation of another customer, bad settings, a rule that fails at run time.</summary>
public sealed partial class RuleExplainerTest
{
    [Test]
    public void ExplainRule_UnknownRuleId_ThrowsNamingTheClosestAndTheRulesThereAre()
    {
        var explainer = new RuleExplainer(Compile(OwnedVehicle));

        var act = () => explainer.ExplainRule(FactsOf(), At, "owned-vehicel");

        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be("ruleId");
        thrown.Message.Should().Contain("No rule 'owned-vehicel'")
            .And.Contain("Did you mean 'owned-vehicle'?")
            .And.Contain("The rule set has 2 rules: owned-vehicle, big-household.");
    }

    [Test]
    public void ExplainRule_ManyRulesAndAnUnknownId_ListsAtMostMaxListedIds()
    {
        var rules = "rules:\n" + string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"  - id: rule-{i:D2}\n    when: [ {{ customer: Customer }} ]\n    then: [ {{ signal: {{ name: s{i} }} }} ]\n"));
        var explainer = new RuleExplainer(Compile(rules), maxListed: 5);

        var act = () => explainer.ExplainRule(FactsOf(), At, "unrelated-name");

        act.Should().Throw<ArgumentException>().WithMessage("*The rule set has 30 rules: rule-01, rule-02, rule-03, rule-04, rule-05 and 25 more.*");
    }

    [Test]
    public void Explain_EvaluationOfAnotherCustomer_Throws()
    {
        var compiled = Compile(OwnedVehicle);
        var evaluation = EngagementEvaluator.Create(compiled, new NodaTime.Testing.FakeClock(At)).Evaluate(FactsOf(Customer("C2")), At);

        var act = () => new RuleExplainer(compiled).Explain(FactsOf(), evaluation);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("customer C2").And.Contain("customer C1");
    }

    [Test]
    public void Constructor_BadSettings_Throw()
    {
        var compiled = Compile(OwnedVehicle);

        ((Action)(() => _ = new RuleExplainer(compiled, maxListed: 0))).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxListed");
        ((Action)(() => _ = new RuleExplainer(compiled, session: new SessionOptions { MaxFiringsPerFire = 0 })))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("session");
    }

    [Test]
    public void Explain_RuleFailsAtRunTime_ThrowsAsTheEvaluatorDoes()
    {
        const string Failing = """
            rules:
              - id: divides-by-zero
                when:
                  - customer: Customer
                  - let: { ratio: "10 / ((customer.householdSize ?? 1) - 1)" }
                then: [ { signal: { name: ratio } } ]
            """;

        var act = () => new RuleExplainer(Compile(Failing)).Explain(FactsOf(Customer(household: 1)), At);

        var thrown = act.Should().Throw<EngagementEvaluationException>().Which;
        thrown.CustomerId.Should().Be("C1");
        thrown.Message.Should().StartWith("The rules failed for customer C1:").And.Contain("divides-by-zero");
    }

    [Test]
    public void Explain_EngineRejectsOneRulesProbes_ReportsThatRuleNotExplainedAndExplainsTheOthers()
    {
        var rejection = new RuleCompilationException([new RuleCompilationError("owned-vehicle#probe/0", "test")]);
        var explainer = new RuleExplainer(Compile(OwnedVehicle), RuleExplainer.DefaultMaxListed, session: null, rule => rule.Id == "owned-vehicle"
            ? throw rejection
            : RuleProbes.For(rule));

        foreach (var _ in new[] { 1, 2 })
        {
            // Twice: the failure is kept by the probe cache and reported alike, not thrown the second time.
            var explained = explainer.Explain(FactsOf(), At);

            explained.Rules[0].Outcome.Should().Be(RuleOutcome.NotExplained);
            explained.Rules[0].NotExplainedReason.Should().Be($"Rule 'owned-vehicle' cannot be explained: the engine rejected a probe of it: {rejection.Message}");
            explained.Rules[0].Failure.Should().BeNull();
            explained.Rules[1].Outcome.Should().Be(RuleOutcome.NotMatched);
            explained.Rules[1].NotExplainedReason.Should().BeNull();
            explainer.ExplainRule(FactsOf(), At, "owned-vehicle").Outcome.Should().Be(RuleOutcome.NotExplained);
        }
    }

    [TestCase(typeof(ArgumentException))]
    [TestCase(typeof(NotSupportedException))]
    [TestCase(typeof(InvalidOperationException))]
    [TestCase(typeof(NullReferenceException))]
    public void Explain_BuildingOneRulesProbesThrowsAnythingElse_ReportsThatRuleNotExplainedWithTheMessageAndExplainsTheOthers(Type thrown)
    {
        // Not only the engine's rejection: an internal exception of expression rewriting must not fail every Explain.
        var failure = (Exception)Activator.CreateInstance(thrown, "the rewriter choked")!;
        var explainer = new RuleExplainer(Compile(OwnedVehicle), RuleExplainer.DefaultMaxListed, session: null, rule => rule.Id == "owned-vehicle"
            ? throw failure
            : RuleProbes.For(rule));

        var explained = explainer.Explain(FactsOf(), At);

        explained.Rules[0].Outcome.Should().Be(RuleOutcome.NotExplained);
        explained.Rules[0].NotExplainedReason.Should().Be($"Rule 'owned-vehicle' cannot be explained: building its probes failed ({thrown.Name}): the rewriter choked");
        explained.Rules[1].Outcome.Should().Be(RuleOutcome.NotMatched);
        explained.Rules[1].NotExplainedReason.Should().BeNull();
    }

    [Test]
    public void Explain_BuildingProbesRunsOutOfMemory_Throws()
    {
        // Out of memory (InsufficientMemoryException is one) is fatal: not turned into an answer, as the library's other guards leave it.
        var explainer = new RuleExplainer(Compile(OwnedVehicle), RuleExplainer.DefaultMaxListed, session: null, _ => throw new InsufficientMemoryException("test"));

        var act = () => explainer.Explain(FactsOf(), At);

        act.Should().Throw<InsufficientMemoryException>();
    }
}
