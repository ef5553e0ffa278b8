using Engagement.Rules.Decisions;
using Engagement.Rules.Yaml.Explaining;
using NodaTime.Testing;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>A rule that fired, and what the policies made of its touch.</summary>
public sealed partial class RuleExplainerTest
{
    private const string Offer = """
        rules:
          - id: accord-offer
            when:
              - customer: Customer
              - vehicle: Vehicle
            then:
              - touch: { kind: offer, class: marketing, topic: test.offer, vehicle: vehicle, channel: email, due: "today() + 1 days", at: "10:00" }
        """;

    [Test]
    public void ExplainRule_TouchSuppressedByPolicy_CarriesThePolicysVerdict()
    {
        var compiled = Compile(Offer);
        var facts = FactsOf(Customer(consents: []), Vehicle());
        var evaluation = EngagementEvaluator.Create(compiled, new FakeClock(At)).Evaluate(facts, At);

        var rule = new RuleExplainer(compiled).ExplainRule(facts, evaluation, "accord-offer");

        rule.Outcome.Should().Be(RuleOutcome.Fired, "the rule fired; the policies stopped its touch");
        rule.Decisions.Should().BeEmpty();
        var suppressed = rule.Suppressed.Should().ContainSingle().Subject;
        suppressed.Reason.Should().Be(SuppressionReason.NoConsent, "a marketing offer needs consent");
        suppressed.Proposal.RuleId.Should().Be("accord-offer");
    }

    [Test]
    public void ExplainRule_TouchDecided_CarriesTheDecision()
    {
        var compiled = Compile(Offer);
        var facts = FactsOf(Customer(consents: [EmailMarketing()]), Vehicle());
        var evaluation = EngagementEvaluator.Create(compiled, new FakeClock(At)).Evaluate(facts, At);

        var rule = new RuleExplainer(compiled).ExplainRule(facts, evaluation, "accord-offer");

        rule.Decisions.Should().ContainSingle().Which.Topic.Should().Be("test.offer");
        rule.Suppressed.Should().BeEmpty();
    }
}
