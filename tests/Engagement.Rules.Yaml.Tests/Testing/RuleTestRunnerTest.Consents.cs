namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>
/// A consent grant must say its basis: one that does not is a located error of the case, not express consent by
/// default; a withdrawal needs none.
/// </summary>
public sealed partial class RuleTestRunnerTest
{
    [Test]
    public void Run_GrantWithoutBasis_FailsAtTheRecord()
    {
        var result = RunSingle("""
            cases:
              - name: grant without basis
                customer:
                  Consents:
                    - { Channel: Email, Purpose: Service, Status: Withdrawn, At: "2025-01-01T00:00:00Z" }
                    - { Channel: Email, Purpose: Marketing, Status: Granted, At: "2025-01-01T00:00:00Z" }
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:19: customer (Customer): ").And.Contain("Consents[1]").And.Contain("the grant has no basis");
    }

    [Test]
    public void Run_WithdrawalWithoutBasis_Withdraws()
    {
        var result = RunSingle("""
            cases:
              - name: withdrawn after the grant
                customer:
                  BirthDate: { MonthDay: "03-10" }
                  Consents:
                    - { Channel: Email, Purpose: Marketing, Status: Granted, At: "2025-01-01T00:00:00Z", Basis: Express }
                    - { Channel: Email, Purpose: Marketing, Status: Withdrawn, At: "2026-01-01T00:00:00Z" }
                expectSuppressed:
                  - { topic: relationship.birthday, reason: NoConsent }
                nothingElse: true
            """);

        result.Passed.Should().BeTrue(result.Message);
    }
}
