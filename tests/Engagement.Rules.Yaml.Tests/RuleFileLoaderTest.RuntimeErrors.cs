using System;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// A rule expression that throws at run time is named as its author wrote it: a condition, a let's value, an
/// aggregate's value, key, total or result condition, an action's value; the message says where the rule is.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    private const string ZeroDivisor = "((customer.householdSize ?? 1) - (customer.householdSize ?? 1))";

    private static readonly Customer Ada = new() { CustomerId = "C1", FirstName = "Ada", LastName = "Lovelace", TimeZoneId = "Europe/London" };

    private static RepairOrder Order(string id, int mileage) => new()
    {
        RepairOrderId = id,
        Vin = Engagement.Rules.Facts.Vin.Parse("1HGCM82633A004352"),
        CustomerId = "C1",
        OpenedOn = new LocalDate(2026, 1, 10),
        Mileage = mileage,
    };

    /// <summary>Loads one rule (its body already indented), inserts the facts and fires; the condition error.</summary>
    private static RuleConditionException RuntimeError(string body, params object[] facts)
    {
        var result = new RuleFileLoader().LoadFromText("rules.yaml", "apiVersion: engagement-rules/v1\nrules:\n  - id: fragile\n" + body);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = RuleCompiler.Compile(result.Rules).CreateSession();
        var act = () =>
        {
            session.Insert(new EvaluationContext(Instant.FromUtc(2026, 3, 2, 8, 0), DateTimeZone.Utc));
            session.InsertAll([Ada, .. facts]);
            session.Fire();
        };

        return act.Should().Throw<RuleConditionException>().Which;
    }

    private const string Then = "    then: [ { signal: { name: s } } ]\n";

    [Test]
    public void Insert_LetValueThrows_NamesTheValueAsWrittenAndItsName()
    {
        var error = RuntimeError($"    when:\n      - customer: Customer\n      - let: {{ ratio: \"100 / {ZeroDivisor}\" }}\n" + Then);

        error.Message.Should().StartWith($"The value '100 / {ZeroDivisor}' of 'ratio' in rule 'fragile' (rules.yaml:3:5) threw DivideByZeroException");
        error.Expression.Should().Be($"100 / {ZeroDivisor}");
        error.InnerException.Should().BeOfType<DivideByZeroException>();
    }

    [Test]
    public void Insert_MinValueThrows_NamesTheValueAsWrittenAndTheAggregate()
    {
        var error = RuntimeError(
            "    when:\n      - customer: Customer\n"
            + "      - min: { of: { ro: RepairOrder, where: \"ro.customerId == customer.customerId\" }, value: \"100 / (ro.mileage - ro.mileage)\", as: lowest }\n" + Then,
            Order("RO-1", 500));

        error.Message.Should().StartWith("The value '100 / (ro.mileage - ro.mileage)' of 'lowest' in rule 'fragile' (rules.yaml:3:5) threw DivideByZeroException");
        error.Expression.Should().Be("100 / (ro.mileage - ro.mileage)");
    }

    [Test]
    public void Insert_GroupKeyThrows_NamesTheKeyAsWrittenAndTheGroup()
    {
        var error = RuntimeError(
            "    when:\n      - customer: Customer\n"
            + "      - groupBy: { of: { ro: RepairOrder, where: \"ro.customerId == customer.customerId\" }, key: \"100 / (ro.mileage - ro.mileage)\", as: orders }\n" + Then,
            Order("RO-1", 500));

        error.Message.Should().StartWith("The key '100 / (ro.mileage - ro.mileage)' of 'orders' in rule 'fragile' (rules.yaml:3:5) threw DivideByZeroException");
        error.Expression.Should().Be("100 / (ro.mileage - ro.mileage)");
    }

    [Test]
    public void Insert_SumOverflows_NamesTheSumAndItsValueAsWritten()
    {
        // Each value fits a whole number; their sum does not.
        var error = RuntimeError(
            "    when:\n      - customer: Customer\n"
            + "      - sum: { of: { ro: RepairOrder, where: \"ro.customerId == customer.customerId\" }, value: \"ro.mileage + 9223372036854775000\", as: total }\n" + Then,
            Order("RO-1", 500),
            Order("RO-2", 500));

        error.Message.Should().StartWith("The sum 'total' of 'ro.mileage + 9223372036854775000' in rule 'fragile' (rules.yaml:3:5) threw OverflowException");
        error.Expression.Should().Be("ro.mileage + 9223372036854775000");
    }

    [Test]
    public void Insert_HavingThrows_NamesTheConditionAsWritten()
    {
        var error = RuntimeError(
            "    when:\n      - customer: Customer\n"
            + "      - count: { of: { ro: RepairOrder, where: \"ro.customerId == customer.customerId\" }, as: n, having: [ \"100 / (n - n) > 1\" ] }\n" + Then);

        error.Message.Should().StartWith("The condition '100 / (n - n) > 1' of rule 'fragile' (rules.yaml:3:5) threw DivideByZeroException");
    }

    [Test]
    public void Insert_NamedConditionWithArgumentsThrows_NamesTheCondition()
    {
        var result = new RuleFileLoader().LoadFromText("rules.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              fragile_size:
                parameters: { c: Customer }
                expression: "100 / ((c.householdSize ?? 1) - (c.householdSize ?? 1)) > 1"
            rules:
              - id: fragile
                when: [ { someone: Customer, where: { condition: fragile_size, with: { c: someone } } } ]
                then: [ { signal: { name: s } } ]
            """);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = RuleCompiler.Compile(result.Rules).CreateSession();

        var act = () => session.Insert(Ada);

        act.Should().Throw<RuleConditionException>().Which.Message.Should()
            .StartWith("The condition 'fragile_size' of rule 'fragile' (rules.yaml:7:5) threw DivideByZeroException");
    }

    [TestCase("reason: \"Hello {100 / Z}\"", "reason", TestName = "Fire_ActionValueThrows_NamesTheValueAsWritten(a reason part)")]
    [TestCase("values: { share: \"100 / Z\" }", "share", TestName = "Fire_ActionValueThrows_NamesTheValueAsWritten(a personalisation value)")]
    public void Fire_ActionValueThrows_NamesTheValueAsWritten(string part, string name)
    {
        var result = new RuleFileLoader().LoadFromText(
            "rules.yaml",
            "apiVersion: engagement-rules/v1\nrules:\n  - id: fragile\n    when: [ { customer: Customer } ]\n"
            + "    then: [ { touch: { kind: notice, class: service, topic: t, " + part.Replace("Z", ZeroDivisor, StringComparison.Ordinal) + " } } ]\n");
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = RuleCompiler.Compile(result.Rules).CreateSession();
        session.Insert(new EvaluationContext(Instant.FromUtc(2026, 3, 2, 8, 0), DateTimeZone.Utc));
        session.Insert(Ada);

        var act = () => session.Fire();

        var error = act.Should().Throw<RuleActionException>().Which;
        error.Message.Should().Be($"The value '100 / {ZeroDivisor}' of '{name}' in an action of rule 'fragile' (rules.yaml:3:5) threw DivideByZeroException: Attempted to divide by zero.");
        error.Expression.Should().Be($"100 / {ZeroDivisor}");
        error.InnerException.Should().BeOfType<DivideByZeroException>("the host still sees what the value threw");
    }
}
