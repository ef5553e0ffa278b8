using System.Linq;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>One mistake, one error (review F13): a name whose declaration failed is declared anyway, so its uses add no "Unknown name".</summary>
public sealed partial class RuleFileLoaderTest
{
    [Test]
    public void LoadFromText_NameOfASiblingNotDeclaredAgainAndUsed_IsOneER1004()
    {
        var result = LoadRule("""
                when:
                  - customer: Customer
                  - not: { x: Vehicle, where: "x.make == 'A'" }
                  - x: Vehicle
                then: [ { touch: { kind: reminder, class: service, topic: t.a, vehicle: x } } ]
            """);

        result.Diagnostics.Select(d => d.Code).Should().Equal(["ER1004"], result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_TwoSiblingNotsWithOneNameThenAUseOutside_AlsoReportsTheUse()
    {
        var result = LoadRule("""
                when:
                  - customer: Customer
                  - not: { x: Vehicle, where: "x.make == 'A'" }
                  - not: { x: Vehicle, where: "x.make == 'B'" }
                  - let: { y: "x.make" }
                then: [ { touch: { kind: reminder, class: service, topic: t.a } } ]
            """);

        // The later let cannot see x (names in a 'not' stay inside it): a second, real mistake, not hidden by the first.
        result.Diagnostics.Select(d => d.Code).Should().Equal(["ER1004", "ER2020"], result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_UseOfADuplicateName_IsCheckedWithItsDeclaredType()
    {
        var result = LoadRule("""
                when:
                  - customer: Customer
                  - not: { x: Vehicle }
                  - x: Vehicle
                  - let: { y: "x.mke" }
                then: [ { signal: { name: s } } ]
            """);

        result.Diagnostics.Select(d => d.Code).Should().Equal(["ER1004", "ER2021"], result.FormatDiagnostics());
        result.Diagnostics[1].Message.Should().Contain("make");
    }

    [TestCase("max", "ro.advisor")]
    [TestCase("sum", "ro.advisor")]
    [TestCase("min", "ro.closedOn")]
    public void LoadFromText_AggregateWithABadValueUsedLater_IsOneER1017(string kind, string value)
    {
        var result = LoadRule($$"""
                when:
                  - customer: Customer
                  - {{kind}}: { as: m, of: { ro: RepairOrder }, value: "{{value}}", having: "m == m" }
                  - let: { shown: "m" }
                then: [ { touch: { kind: reminder, class: service, topic: t.a, reason: "{m} {shown}", values: { m: m } } } ]
            """);

        result.Diagnostics.Select(d => d.Code).Should().Equal(["ER1017"], result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_LetWithAnErrorUsedLater_IsOneError()
    {
        var result = LoadRule("""
                when:
                  - customer: Customer
                  - let: { n: "customer.nme" }
                  - x: Vehicle
                    where: "x.make == n"
                then: [ { touch: { kind: reminder, class: service, topic: t.a, reason: "{n}" } } ]
            """);

        result.Diagnostics.Select(d => d.Code).Should().Equal(["ER2021"], result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_PatternOfAnUnknownTypeUsedLater_IsOneError()
    {
        var result = LoadRule("""
                when:
                  - customer: Custmer
                  - x: Vehicle
                    where: "x.ownerCustomerId == customer.customerId"
                then: [ { touch: { kind: reminder, class: service, topic: t.a } } ]
            """);

        result.Diagnostics.Should().ContainSingle(result.FormatDiagnostics());
    }
}
