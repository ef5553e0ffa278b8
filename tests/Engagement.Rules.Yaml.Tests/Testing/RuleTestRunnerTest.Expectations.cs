using System;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>
/// Expectation values that could never match fail the case at the value's line (review F4): otherwise an
/// <c>expectNot</c> item with a typo passes whatever the rules decide.
/// </summary>
public sealed partial class RuleTestRunnerTest
{
    // The birthday greeting is decided in every case below, so an item that matched it would fail the case anyway;
    // each bad value must fail it for its own reason, at its own line (the item is on line 18).
    private const string Greeted = """
        cases:
          - name: greeted
            customer: { BirthDate: { MonthDay: "03-10" } }
            expectNot:
              - {0}
        """;

    [Test]
    public void Run_ExpectNotWithUnknownRuleId_FailsAtTheValueWithASuggestion()
    {
        var result = RunSingle(Greeted.Replace("{0}", "{ rule: birthdy }", StringComparison.Ordinal));

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:18: case 'greeted': 'expectNot' names the rule 'birthdy', which the loaded rules do not have")
            .And.Contain("Did you mean 'birthday'?");
    }

    [Test]
    public void Run_ExpectWithUnknownRuleId_FailsAtTheValueOnItsOwnLine()
    {
        var result = RunSingle("""
            cases:
              - name: greeted
                customer: { BirthDate: { MonthDay: "03-10" } }
                expect:
                  - topic: relationship.birthday
                    rule: no-such-rule
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:19: case 'greeted': 'expect' names the rule 'no-such-rule'")
            .And.Contain("birthday, referral-thanks", "with nothing close, the valid ids are listed");
    }

    [Test]
    public void Run_ExpectNotWithUpperCaseKind_FailsAtTheValueWithTheLowerCaseKind()
    {
        var result = RunSingle(Greeted.Replace("{0}", "{ topic: relationship.birthday, kind: Greeting }", StringComparison.Ordinal));

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:18: case 'greeted': 'kind' is 'Greeting'; expected a touch kind")
            .And.Contain("Did you mean 'greeting'?");
    }

    [Test]
    public void Run_ExpectedKind_MatchesTheDecidedKind()
    {
        var result = RunSingle("""
            cases:
              - name: greeted
                customer: { BirthDate: { MonthDay: "03-10" } }
                expect:
                  - { topic: relationship.birthday, kind: greeting }
                expectNot:
                  - { topic: relationship.birthday, kind: offer }
            """);

        result.Passed.Should().BeTrue(result.Message);
    }

    [Test]
    public void Run_ExpectNotWithInvalidVin_FailsAtTheValueWithTheVinProblem()
    {
        var result = RunSingle(Greeted.Replace("{0}", "{ topic: relationship.birthday, vehicle: not-a-vin }", StringComparison.Ordinal));

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:18: case 'greeted': 'vehicle' is 'not-a-vin', which is not a VIN: ");
    }

    [Test]
    public void Run_ExpectNotWithAnotherCustomer_FailsAtTheValue()
    {
        var result = RunSingle(Greeted.Replace("{0}", "{ topic: relationship.birthday, customer: C-2 }", StringComparison.Ordinal));

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:18: case 'greeted': 'expectNot' names the customer 'C-2', but the case evaluates customer 'C-1'");
    }

    [Test]
    public void Run_ExpectedSuppressionWithUnknownRuleId_Fails()
    {
        var result = RunSingle("""
            cases:
              - name: no consent
                customer: { BirthDate: { MonthDay: "03-10" }, Consents: [] }
                expectSuppressed:
                  - { topic: relationship.birthday, rule: birthday-greeting, reason: NoConsent }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:18: case 'no consent': 'expectSuppressed' names the rule 'birthday-greeting'");
    }

    [Test]
    public void Run_ValidRuleCustomerAndVin_AreAccepted()
    {
        var result = RunSingle("""
            cases:
              - name: greeted
                customer: { BirthDate: { MonthDay: "03-10" } }
                expect:
                  - { topic: relationship.birthday, rule: birthday, customer: C-1 }
                expectNot:
                  - { topic: relationship.birthday, vehicle: 1hgcm82633a004352 }
                  - { rule: referral-thanks }
            """);

        result.Passed.Should().BeTrue(result.Message);
    }
}
