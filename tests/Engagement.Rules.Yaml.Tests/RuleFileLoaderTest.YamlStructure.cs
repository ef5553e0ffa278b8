using System.Linq;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// Problems of a file's YAML structure (anchors, aliases, tags, duplicate keys, documents): every one of a file is
/// reported in one load, not only the first; a YAML syntax error stops the file where it is.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    [Test]
    public void LoadFromText_SeveralYamlStructureProblems_ReportsEachInOneLoad()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              a: &w "customer.isAmbassador"
              b: *w
            rules:
              - id: !!str r
                id: again
                when: [ { customer: Customer } ]
                then: [ { signal: { name: s } } ]
            ---
            apiVersion: engagement-rules/v1
            """);

        result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Should().Equal(
            [("ER0011", 3, 6), ("ER0011", 4, 6), ("ER0012", 6, 9), ("ER0015", 7, 5), ("ER0014", 10, 1)],
            result.FormatDiagnostics());
        result.Diagnostics[1].Message.Should().StartWith("Aliases (*w) are not allowed");
    }

    [Test]
    public void LoadFromText_AnchorsAndTagsOnly_StillReadsTheRulesForTheirOwnErrors()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", """
            apiVersion: !!str engagement-rules/v1
            rules:
              - id: r
                when: [ { customer: &c Customer }, { v: Vehicl } ]
                then: [ { signal: { name: s } } ]
            """);

        result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Should().Equal(
            [("ER0012", 1, 13), ("ER0011", 4, 25), ("ER1003", 4, 45)],
            result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_YamlSyntaxError_StopsTheFileAfterTheProblemsBeforeIt()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", """
            apiVersion: engagement-rules/v1
            conditions: { a: &w "customer.isAmbassador" }
            rules: [ { id: "r }
            other: !!str x
            """);

        result.Diagnostics.Select(d => d.Code).Should().Equal(["ER0011", "ER0010"], result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_ThousandsOfAnchors_ReportsAHundredThenStops()
    {
        var text = "apiVersion: engagement-rules/v1\nx: [" + string.Join(", ", Enumerable.Range(0, 2_000).Select(i => $"&a{i} v")) + "]\n";

        var result = new RuleFileLoader().LoadFromText("r.yaml", text);

        result.Diagnostics.Count(d => d.Code == "ER0011").Should().Be(100);
        result.Diagnostics[^1].Message.Should().StartWith("More than 100 problems in the file's YAML; the rest of the file is not read.");
    }
}
