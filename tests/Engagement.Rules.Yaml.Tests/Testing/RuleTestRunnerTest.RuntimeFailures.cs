using System.IO;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>A rule that throws at run time fails its case with a message for people: no .NET stack trace.</summary>
public sealed partial class RuleTestRunnerTest
{
    private const string DivideByZero = """
        apiVersion: engagement-rules/v1
        rules:
          - id: divide-by-zero
            when:
              - customer: Customer
              - let: { z: "100 / ((customer.householdSize ?? 1) - (customer.householdSize ?? 1))" }
            then:
              - touch: { kind: notice, class: service, topic: test.divide, due: "today()" }
        """;

    [Test]
    public void Run_RuleThrowsAtRunTime_NamesRuleExceptionTypeAndMessageWithoutStackTrace()
    {
        File.WriteAllText(Path.Combine(_folder, "divide.yaml"), DivideByZero);
        var tests = Defaults.Replace("apiVersion: engagement-rule-tests/v1", "apiVersion: engagement-rule-tests/v1\nrules: [divide.yaml]", System.StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "divide.tests.yaml"), tests + """

            cases:
              - name: divides by zero
                expectNot:
                  - { topic: test.divide }
            """);

        var results = new RuleTestRunner().Run([Path.Combine(_folder, "divide.tests.yaml")]);

        results.Should().ContainSingle();
        results[0].Passed.Should().BeFalse();
        results[0].Message.Should().Contain("divide.tests.yaml:").And.Contain("the evaluation failed")
            .And.Contain("'divide-by-zero'").And.Contain("DivideByZeroException").And.Contain("Attempted to divide by zero");
        results[0].Message.Should().Contain($"'divide-by-zero' ({Path.Combine(_folder, "divide.yaml")}:3:5)", "the error says where the rule is written");
        results[0].Message.Should().Contain("The value '100 / ((customer.householdSize ?? 1) - (customer.householdSize ?? 1))' of 'z' in rule", "and which let threw, as written");
        results[0].Message.Should().NotContain(" at ", "a stack trace is not for the rule author")
            .And.NotContain("Engagement.Rules.Engine", "nor are the engine's exception type names")
            .And.NotContainAny("\n", "\r");
    }

    [Test]
    public void Run_FloatingPointDivisionByZero_FailsTheRuleInsteadOfInfinity()
    {
        File.WriteAllText(Path.Combine(_folder, "double.yaml"), """
            apiVersion: engagement-rules/v1
            rules:
              - id: double-by-zero
                when:
                  - customer: Customer
                  - vehicle: Vehicle
                  - let: { perDay: "(vehicle.averageDailyDistance ?? 1.0) / 0" }
                then:
                  - touch: { kind: notice, class: service, topic: test.double, reason: "{perDay}" }
            """);
        var tests = Defaults.Replace("apiVersion: engagement-rule-tests/v1", "apiVersion: engagement-rule-tests/v1\nrules: [double.yaml]", System.StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "double.tests.yaml"), tests + """

            cases:
              - name: divides a number by zero
                facts:
                  - Vehicle: { Vin: 1HGCM82640A000001, OwnerCustomerId: C-1, Make: Honda, Model: Civic, ModelYear: 2020, OdometerReadings: [ { Date: 2025-09-10, Value: 18000 }, { Date: 2026-01-10, Value: 22000 } ] }
                expectNot:
                  - { topic: test.double }
            """);

        var results = new RuleTestRunner().Run([Path.Combine(_folder, "double.tests.yaml")]);

        results.Should().ContainSingle().Which.Passed.Should().BeFalse("a reason of 'Infinity' is not a decision");
        results[0].Message.Should().Contain("'double-by-zero'").And.Contain("DivideByZeroException").And.Contain("/ 0 divides by zero");
    }
    [TestCase(false, "100 / ((customer.householdSize ?? 1) - (customer.householdSize ?? 1)) > 1", TestName = "Run_ConditionThrowsAtRunTime_NamesTheConditionAsWritten(over one fact)")]
    [TestCase(true, "vehicle.ownerCustomerId == customer.customerId and 7 % ((customer.householdSize ?? 1) - (customer.householdSize ?? 1)) == 0", TestName = "Run_ConditionThrowsAtRunTime_NamesTheConditionAsWritten(in a join)")]
    public void Run_ConditionThrowsAtRunTime_NamesTheConditionAsWritten(bool onVehicle, string where)
    {
        var when = onVehicle
            ? $"      - customer: Customer\n      - vehicle: Vehicle\n        where: \"{where}\""
            : $"      - customer: Customer\n        where: \"{where}\"";
        File.WriteAllText(Path.Combine(_folder, "where.yaml"), $$"""
            apiVersion: engagement-rules/v1
            rules:
              - id: divide-in-where
                when:
            {{when}}
                then:
                  - touch: { kind: notice, class: service, topic: test.where }
            """);
        var tests = Defaults.Replace("apiVersion: engagement-rule-tests/v1", "apiVersion: engagement-rule-tests/v1\nrules: [where.yaml]", System.StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "where.tests.yaml"), tests + """

            cases:
              - name: divides in a condition
                facts:
                  - Vehicle: { Vin: 1HGCM82640A000001, OwnerCustomerId: C-1, Make: Honda, Model: Civic, ModelYear: 2020 }
                expectNot:
                  - { topic: test.where }
            """);

        var results = new RuleTestRunner().Run([Path.Combine(_folder, "where.tests.yaml")]);

        results.Should().ContainSingle().Which.Passed.Should().BeFalse(results[0].Message);
        results[0].Message.Should().Contain($"The condition '{where}' of rule 'divide-in-where' ({Path.Combine(_folder, "where.yaml")}:3:5) threw DivideByZeroException", "the author sees which condition failed, as written");
    }
}
