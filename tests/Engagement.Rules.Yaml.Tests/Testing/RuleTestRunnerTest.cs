using System;
using System.IO;
using System.Linq;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>The rule test runner over small rule and test files written to a temporary folder.</summary>
public sealed partial class RuleTestRunnerTest
{
    private const string Rules = """
        apiVersion: engagement-rules/v1
        rules:
          - id: birthday
            description: Birthday greeting.
            when:
              - customer: Customer
                where: has(customer.birthDate) and nextOccurrence(customer.birthDate.monthDay) == today()
            then:
              - touch:
                  kind: greeting
                  class: relationship
                  topic: relationship.birthday
                  reason: "Birthday"
          - id: referral-thanks
            description: Referral thank-you.
            when:
              - customer: Customer
              - referral: Referral
                where: referral.referrerCustomerId == customer.customerId and referral.recordedOn == today()
            then:
              - touch:
                  kind: thank-you
                  class: relationship
                  topic: advocacy.thanks
                  reason: "Referred {referral.referredName}"
        """;

    private const string Defaults = """
        apiVersion: engagement-rule-tests/v1
        defaults:
          at: 2026-03-10T15:00:00Z
          dealership: { DealershipId: D-1, Name: Motors, TimeZoneId: America/Chicago, Jurisdiction: { CountryCode: US, RegionCode: TX } }
          customer:
            CustomerId: C-1
            FirstName: Dana
            LastName: Reyes
            TimeZoneId: America/Chicago
            PreferredChannels: [Email]
            ContactPoints: { Email: dana@example.com }
            Consents:
              - { Channel: Email, Purpose: Marketing, Status: Granted, At: "2025-01-01T00:00:00Z", Basis: Express }
        """;

    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rule-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), Rules);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private RuleTestResult RunSingle(string cases) => RunSingle(RuleTestOptions.Default, cases);

    private RuleTestResult RunSingle(RuleTestOptions options, string cases)
    {
        var path = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllText(path, Defaults + "\n" + cases);
        var results = new RuleTestRunner(options).Run([_folder]);
        results.Should().ContainSingle();
        return results[0];
    }

    [Test]
    public void Run_ExpectedTouchDecided_Passes()
    {
        var result = RunSingle("""
            cases:
              - name: greeted
                customer: { BirthDate: { MonthDay: "03-10" } }
                expect:
                  - { topic: relationship.birthday, rule: birthday, class: Relationship, channel: Email, due: "2026-03-10T10:00" }
                  - { topic: relationship.birthday, due: 2026-03-10 }
                  - { topic: relationship.birthday, due: 2026-03-10T15:00:00Z }
                  - { topic: relationship.birthday, due: "2026-03-10T10:00:00-05:00" }
                nothingElse: true
            """);

        result.Passed.Should().BeTrue(result.Message);
        result.Case.Name.Should().Be("greeted");
        result.Case.ToString().Should().Be("rules.tests.yaml: greeted");
    }

    [Test]
    public void Run_WrongDue_FailsWithExpectedAndActualAndExplanation()
    {
        var result = RunSingle("""
            cases:
              - name: greeted late
                customer: { BirthDate: { MonthDay: "03-10" } }
                expect:
                  - { topic: relationship.birthday, due: "2026-03-10T11:00" }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:").And.Contain("case 'greeted late' failed")
            .And.Contain("expected the touch { topic: relationship.birthday, due: 2026-03-10T11:00 }")
            .And.Contain("the same topic was decided as:")
            .And.Contain("2026-03-10T10:00 America/Chicago")
            .And.Contain("rule birthday: Birthday");
    }

    [Test]
    public void Run_TouchThatMustNotFireFires_Fails()
    {
        var result = RunSingle("""
            cases:
              - name: not greeted
                customer: { BirthDate: { MonthDay: "03-10" } }
                expectNot:
                  - { topic: relationship.birthday }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("expected no touch { topic: relationship.birthday }, but got:");
    }

    [Test]
    public void Run_ExpectedSuppressionWithReason_PassesOnlyForThatReason()
    {
        var withoutConsent = """
              - name: {0}
                customer: { BirthDate: { MonthDay: "03-10" }, Consents: [] }
                expectSuppressed:
                  - { topic: relationship.birthday, reason: {1} }
            """;
        var results = RunAll("cases:\n" + withoutConsent.Replace("{0}", "no consent", StringComparison.Ordinal).Replace("{1}", "NoConsent", StringComparison.Ordinal) + "\n"
            + withoutConsent.Replace("{0}", "wrong reason", StringComparison.Ordinal).Replace("{1}", "FrequencyCap", StringComparison.Ordinal));

        results.Single(r => r.Case.Name == "no consent").Passed.Should().BeTrue();
        var wrong = results.Single(r => r.Case.Name == "wrong reason");
        wrong.Passed.Should().BeFalse();
        wrong.Message.Should().Contain("it was suppressed otherwise:").And.Contain("reason: NoConsent");
    }

    [Test]
    public void Run_NothingElseWithAnotherTouch_Fails()
    {
        // Two touches a day, so that the birthday note is decided beside the thank-you.
        var options = new RuleTestOptions { Policy = new PolicyOptions { Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = 2 } } };
        var result = RunSingle(options, """
            cases:
              - name: only the thank-you
                at: 2026-03-10T15:00:00Z
                customer: { BirthDate: { MonthDay: "03-10" } }
                facts:
                  - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Sam Lee, RecordedOn: 2026-03-10 }
                expect:
                  - { topic: advocacy.thanks }
                nothingElse: true
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("nothingElse: an unexpected touch was decided");
    }

    private System.Collections.Generic.IReadOnlyList<RuleTestResult> RunAll(string cases)
    {
        File.WriteAllText(Path.Combine(_folder, "rules.tests.yaml"), Defaults + "\n" + cases);
        return new RuleTestRunner().Run([_folder]);
    }
}
