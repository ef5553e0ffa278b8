namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>
/// A rule whose <c>any</c> alternatives both match fires once per alternative (the engine's semantics); the host
/// still sees one touch: one decision, no suppression.
/// </summary>
public sealed partial class RuleTestRunnerTest
{
    [Test]
    public void Run_AnyWhoseAlternativesBothMatch_OneDecisionNoSuppression()
    {
        var result = RunRules(
            """
              - id: honda-or-recent
                when:
                  - customer: Customer
                  - any:
                      - { v: Vehicle, where: "v.make == 'Honda'" }
                      - { w: Vehicle, where: "w.modelYear > 2000" }
                then: [ { touch: { kind: reminder, class: safety, topic: t.any, reason: "a Honda or a recent car" } } ]
            """,
            """
            cases:
              - name: both alternatives
                facts:
                  - Vehicle: { Vin: 1HGCM82640A000001, OwnerCustomerId: C-1, Make: Honda, Model: Accord, ModelYear: 2019 }
                expect: [ { topic: t.any, rule: honda-or-recent } ]
                nothingElse: true
            """);

        result.Passed.Should().BeTrue(result.Message);
        result.Message.Should().Be("1 decided, 0 suppressed.");
    }
}
