using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// Named conditions are checked where they are written, used or not (review F11): a short form's syntax there, and
/// a condition no rule uses is a warning.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    [Test]
    public void LoadFromText_UnusedShortConditionWithASyntaxError_ReportsItAtTheDefinition()
    {
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              broken: "customer.status == Active and"
            rules:
              - id: fine
                when: [ { customer: Customer } ]
                then: [ { signal: { name: s } } ]
            """);

        result.Success.Should().BeFalse();
        var error = result.Diagnostics.Should().ContainSingle(result.FormatDiagnostics()).Subject;
        error.Code.Should().Be("ER2001");
        error.Location.Line.Should().Be(3);
        error.Location.Column.Should().BeGreaterThan(11, "the error is inside the expression, at its end");
    }

    [Test]
    public void LoadFromText_UnusedShortConditionWithUnterminatedText_ReportsItAtTheDefinition()
    {
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              broken: "customer.name == 'unterminated"
            """);

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(result.FormatDiagnostics()).Which.Location.Line.Should().Be(3);
    }

    [Test]
    public void LoadFromText_ShortConditionWithASyntaxErrorUsedByTwoRules_ReportsItOnce()
    {
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              broken: "customer.((("
            rules:
              - id: one
                when: [ { customer: Customer, where: broken } ]
                then: [ { signal: { name: s } } ]
              - id: two
                when: [ { customer: Customer, where: broken } ]
                then: [ { signal: { name: t } } ]
            """);

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(result.FormatDiagnostics()).Which.Location.Line.Should().Be(3);
    }

    [Test]
    public void LoadFromText_ShortConditionWithUnknownNames_IsStillCheckedOnlyWhereUsed()
    {
        // Its names are those of the rule using it, so an unused short form with any names is fine apart from ER1020.
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              anyNames: "whoever.whatever == 1"
            """);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.UnusedCondition);
    }

    [Test]
    public void LoadFromText_UnusedConditions_WarnER1020AtEachNameInDefinitionOrder()
    {
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              active: "customer.status == Active"
              used: "customer.isAmbassador"
              ambassador:
                parameters: { c: Customer }
                expression: "c.isAmbassador"
            rules:
              - id: off
                enabled: false
                when: [ { customer: Customer, where: used } ]
                then: [ { signal: { name: s } } ]
            """);

        result.Success.Should().BeTrue("an unused condition is a warning only");
        result.Diagnostics.Should().HaveCount(2, result.FormatDiagnostics());
        result.Diagnostics.Should().AllSatisfy(d => (d.Code, d.Severity).Should().Be((DiagnosticCodes.UnusedCondition, DiagnosticSeverity.Warning)));
        result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)).Should().Equal((3, 3), (5, 3));
        result.Diagnostics[0].Message.Should().Contain("'active' is not used by any rule");
    }

    [Test]
    public void Load_ConditionUsedByAnotherFileOfTheLoad_IsNotReported()
    {
        using var folder = new TempFolder();
        folder.Write("shared.yaml", "apiVersion: engagement-rules/v1\nconditions:\n  active: \"customer.status == Active\"\n");
        folder.Write("rules.yaml", "apiVersion: engagement-rules/v1\ninclude: [shared.yaml]\nrules:\n  - id: r\n    when: [ { customer: Customer, where: active } ]\n    then: [ { signal: { name: s } } ]\n");

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Diagnostics.Should().BeEmpty(result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_UnusedConditionInALoadWithErrors_IsNotReported()
    {
        // A rule that did not translate may not have reached the condition it uses: no guesswork beside real errors.
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              active: "customer.status == Active"
            rules:
              - id: r
                when: [ { customer: Custmer, where: active } ]
                then: [ { signal: { name: s } } ]
            """);

        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownFactType, result.FormatDiagnostics());
        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.UnusedCondition);
    }
}
