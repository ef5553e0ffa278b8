using System.IO;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>
/// Signals raised by several matches are one fact (supported by each while it matches), and whole-number sums
/// fail the rule on overflow: run through rule tests, as a rule author meets them.
/// </summary>
public sealed partial class RuleTestRunnerTest
{
    // Counts the car-owner signals: exactly one of the two touches is decided, whatever raised the signal.
    private const string SignalCounters = """
          - id: one-owner-signal
            when:
              - customer: Customer
              - count: { as: n, of: { s: Signal, where: "s.name == 'car-owner'" }, having: "n == 1" }
            then: [ { touch: { kind: reminder, class: safety, topic: t.one-signal } } ]
          - id: several-owner-signals
            when:
              - customer: Customer
              - count: { as: n, of: { s: Signal, where: "s.name == 'car-owner'" }, having: "n > 1" }
            then: [ { touch: { kind: reminder, class: safety, topic: t.several-signals } } ]
          - id: has-car-owner-signal
            when:
              - customer: Customer
              - s: Signal
                where: "s.name == 'car-owner'"
            then: [ { touch: { kind: reminder, class: safety, topic: t.owner } } ]
        """;

    private const string TwoVehicles = """
            facts:
              - Vehicle: { Vin: 1HGCM82640A000001, OwnerCustomerId: C-1, Make: Honda, Model: Accord, ModelYear: 2019 }
              - Vehicle: { Vin: 1HGCM82660A000002, OwnerCustomerId: C-1, Make: Honda, Model: Civic, ModelYear: 2020 }
        """;

    private RuleTestResult RunRules(string rules, string cases)
    {
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), "apiVersion: engagement-rules/v1\nrules:\n" + rules);
        return RunSingle(cases);
    }

    /// <summary>Runs rules raising car-owner signals with the counting rules: the case passes with one signal only.</summary>
    private RuleTestResult RunOneSignalCase(string rules, bool twoVehicles) =>
        RunRules(
            rules + "\n" + SignalCounters,
            "cases:\n  - name: one signal\n" + (twoVehicles ? TwoVehicles + "\n" : string.Empty) + """
                expect:
                  - { topic: t.one-signal, rule: one-owner-signal }
                  - { topic: t.owner }
                nothingElse: true
            """);

    [Test]
    public void Run_PerVehicleSignalWithoutVehicleForTwoVehicles_OneSignalNoFailure()
    {
        var result = RunOneSignalCase(
            """
              - id: has-a-car
                when: [ { customer: Customer }, { v: Vehicle } ]
                then: [ { signal: { name: car-owner } } ]
            """,
            twoVehicles: true);

        result.Passed.Should().BeTrue(result.Message);
    }

    [Test]
    public void Run_TwoRulesRaiseOneSignal_OneSignalNoFailure()
    {
        var result = RunOneSignalCase(
            """
              - id: one
                when: [ { customer: Customer } ]
                then: [ { signal: { name: car-owner } } ]
              - id: two
                when: [ { customer: Customer } ]
                then: [ { signal: { name: car-owner } } ]
            """,
            twoVehicles: false);

        result.Passed.Should().BeTrue(result.Message);
    }

    [Test]
    public void Run_PlainSignalRaisedTwice_OneSignalNoFailure()
    {
        var result = RunOneSignalCase(
            """
              - id: has-a-car
                when: [ { customer: Customer }, { v: Vehicle } ]
                then: [ { signal: { name: car-owner, linked: false } } ]
            """,
            twoVehicles: true);

        result.Passed.Should().BeTrue(result.Message);
    }

    [Test]
    public void Run_SignalOfOneOfTwoSupportingMatchesGoes_SignalStaysWhileTheOtherHolds()
    {
        // Three matches support the signal (new-car's and any-owner's two); the block signal, raised last, takes
        // any-owner's away, and the signal stays on new-car's support.
        var result = RunOneSignalCase(
            """
              - id: new-car
                when: [ { customer: Customer }, { v: Vehicle, where: "v.modelYear >= 2020" } ]
                then: [ { signal: { name: car-owner } } ]
              - id: any-owner
                when:
                  - customer: Customer
                  - v: Vehicle
                  - not: { b: Signal, where: "b.name == 'block'" }
                then: [ { signal: { name: car-owner } } ]
              - id: block
                priority: -1
                when: [ { customer: Customer } ]
                then: [ { signal: { name: block } } ]
            """,
            twoVehicles: true);

        result.Passed.Should().BeTrue(result.Message);
    }

    [Test]
    public void Run_SumOfWholeNumbersOverflows_FailsNamingTheRule()
    {
        var result = RunRules(
            """
              - id: agg-sum
                when:
                  - customer: Customer
                  - sum: { as: total, of: { ro: RepairOrder, where: "ro.customerId == customer.customerId" }, value: "ro.mileage" }
                then: [ { touch: { kind: reminder, class: safety, topic: t.sum, reason: "total={total}" } } ]
            """,
            """
            cases:
              - name: big
                facts:
                  - Vehicle: { Vin: 1HGCM82640A000001, OwnerCustomerId: C-1, Make: Honda, Model: Accord, ModelYear: 2019 }
                  - RepairOrder: { RepairOrderId: RO-1, Vin: 1HGCM82640A000001, CustomerId: C-1, OpenedOn: 2025-09-10, ClosedOn: 2025-09-10, Mileage: 2000000000 }
                  - RepairOrder: { RepairOrderId: RO-2, Vin: 1HGCM82640A000001, CustomerId: C-1, OpenedOn: 2025-09-11, ClosedOn: 2025-09-11, Mileage: 2000000000 }
                expectNot:
                  - { topic: t.sum }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("the evaluation failed").And.Contain("'agg-sum'").And.Contain("OverflowException");
    }
    [Test]
    public void Run_LinkedSignalWhoseInsertRemovesItsOwnMatch_LoopReportedNotAStaleSignal()
    {
        // a while there is no b, b while there is a: b must not stay once a (its only support) is gone.
        var result = RunRules(
            """
              - id: rule-a
                when: [ { customer: Customer }, { not: { s: Signal, where: "s.name == 'b'" } } ]
                then: [ { signal: { name: a } } ]
              - id: rule-b
                when: [ { customer: Customer }, { s: Signal, where: "s.name == 'a'" } ]
                then: [ { signal: { name: b } } ]
              - id: rule-e
                when: [ { customer: Customer }, { s: Signal, where: "s.name == 'b'" } ]
                then: [ { touch: { kind: reminder, class: safety, topic: t.has-b } } ]
            """,
            """
            cases:
              - name: oscillates
                expectNot:
                  - { topic: t.has-b }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("the evaluation failed").And.Contain("rule-a").And.Contain("rule-b");
    }
}
