using System.Linq;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// Errors inside multi-line and escaped scalars are reported at the character of the file they come from:
/// block scalars (indentation, folding, chomping), folded plain and quoted scalars, and escapes.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    private const string PositionsHeader = """
        apiVersion: engagement-rules/v1
        rules:
          - id: r
            then: [ { touch: { kind: reminder, class: service, topic: t.a } } ]
            when:
              - customer: Customer

        """;

    // Each 'where' starts on line 7 of the file; the misspelled field 'bogus' is at the line and column given.
    [TestCase("folded block", "        where: >-\n          customer.status == Active\n          and customer.bogus == 1\n", 9, 24)]
    [TestCase("folded block, third line", "        where: >\n          customer.status == Active\n          and customer.firstName == 'x'\n          and customer.bogus == 1\n", 10, 24)]
    [TestCase("folded block, more indented line", "        where: >-\n          customer.status == Active\n            and customer.bogus == 1\n", 9, 26)]
    [TestCase("folded block after an empty line", "        where: >-\n          customer.status == Active\n\n          and customer.bogus == 1\n", 10, 24)]
    [TestCase("literal block", "        where: |\n          customer.status == Active\n            and customer.bogus == 1\n", 9, 26)]
    [TestCase("literal block, keep", "        where: |+\n          customer.status == Active\n          and customer.bogus == 1\n\n", 9, 24)]
    [TestCase("literal block, explicit indentation", "        where: |2-\n            customer.status == Active\n            and customer.bogus == 1\n", 9, 26)]
    [TestCase("literal block with a comment", "        where: |- # the status\n          customer.status == Active\n          and customer.bogus == 1\n", 9, 24)]
    [TestCase("plain on two lines", "        where: customer.status == Active\n          and customer.bogus == 1\n", 8, 24)]
    [TestCase("plain on three lines", "        where: customer.status == Active\n          and customer.firstName == 'x'\n\n          and customer.bogus == 1\n", 10, 24)]
    [TestCase("double-quoted on two lines", "        where: \"customer.status == Active and\n                customer.bogus == 1\"\n", 8, 26)]
    [TestCase("single-quoted on two lines", "        where: 'customer.firstName == ''x'' and\n                customer.bogus == 1'\n", 8, 26)]
    [TestCase("after an escaped quote", "        where: \"customer.firstName == \\\"x\\\" and customer.bogus == 1\"\n", 7, 58)]
    [TestCase("after an escaped line feed", "        where: \"customer.firstName == 'x' and\\n customer.bogus == 1\"\n", 7, 58)]
    [TestCase("after a unicode escape", "        where: \"customer.firstName == '\\u00e9' and customer.bogus == 1\"\n", 7, 61)]
    [TestCase("after an escaped line break", "        where: \"customer.firstName == 'x' and \\\n                customer.bogus == 1\"\n", 8, 26)]
    public void LoadFromText_ErrorInAMultiLineOrEscapedScalar_IsAtItsCharacter(string name, string where, int line, int column)
    {
        var text = PositionsHeader + where;

        var lf = new RuleFileLoader().LoadFromText("r.yaml", text);
        var crlf = new RuleFileLoader().LoadFromText("r.yaml", text.Replace("\n", "\r\n", System.StringComparison.Ordinal));

        lf.ShouldReport("ER2021", line, column);
        crlf.ShouldReport("ER2021", line, column);
        lf.Single("ER2021").Message.Should().Contain("bogus", name);
    }

    [Test]
    public void LoadFromText_ErrorInAMultiLineReasonPart_IsAtItsCharacter()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", """
            apiVersion: engagement-rules/v1
            rules:
              - id: r
                when: [ { customer: Customer } ]
                then:
                  - touch:
                      kind: reminder
                      class: service
                      topic: t.a
                      reason: >-
                        Dear {customer.firstName},
                        your {customer.qqq} is due
            """);

        result.ShouldReport("ER2021", 12, 28);
    }

    // A copy of the default pack's service-due-by-mileage 'having', with the aggregate's name misspelled on its last line.
    [TestCase("\n")]
    [TestCase("\r\n")]
    public void LoadFromText_ErrorOnTheLastLineOfAFoldedHaving_IsAtItsCharacter(string newline)
    {
        var text = """
            apiVersion: engagement-rules/v1
            rules:
              - id: service-due-by-mileage
                when:
                  - customer: Customer
                  - vehicle: Vehicle
                  - let:
                      projected: (vehicle.latestOdometer.value ?? 0) + (vehicle.averageDailyDistance ?? 0.0) * 30
                  - max:
                      as: lastServiceMileage
                      of: { visit: RepairOrder, where: visit.vin == vehicle.vin }
                      value: visit.mileage
                      having: >-
                        (vehicle.unit == Miles and projected >= lastServiceMileage + 5000)
                        or (vehicle.unit == Kilometres and projected >= lastServiceMilage + 8000)
                then:
                  - touch: { kind: reminder, class: service, topic: service.maintenance-due-mileage, vehicle: vehicle }
            """.Replace("\n", newline, System.StringComparison.Ordinal);

        var result = new RuleFileLoader().LoadFromText("service.yaml", text);

        result.ShouldReport("ER2020", 15, 61);
        result.Diagnostics.Single(d => d.Code == "ER2020").SourceLine.Should().Contain("lastServiceMilage + 8000");
    }
}
