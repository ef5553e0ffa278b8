using System.IO;
using System.Linq;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>An include that did not load is named by the unknown-name errors that follow from it.</summary>
public sealed partial class RuleFileLoaderTest
{
    private const string RulesUsingPolicy = """
        apiVersion: engagement-rules/v1
        include: [policy.yaml]
        rules:
          - id: first
            when: [ { customer: Customer, where: ownsVehicle } ]
            then: [ { signal: { name: s, customer: "customer.customerId" } } ]
          - id: second
            when: [ { customer: Customer, where: ownsVehicle } ]
            then: [ { signal: { name: s, customer: "customer.customerId" } } ]
        """;

    [Test]
    public void Load_MissingInclude_EachUnknownNameSaysTheIncludeDidNotLoad()
    {
        using var folder = new TempFolder();
        folder.Write("rules.yaml", RulesUsingPolicy);

        var result = new RuleFileLoader().Load([folder.Path]);

        result.ShouldReport("ER0030", 2, 11);
        var unknown = result.Diagnostics.Where(d => d.Code == "ER1006").ToArray();
        unknown.Select(d => d.Location.Line).Should().Equal(5, 8);
        unknown.Should().AllSatisfy(d => d.Message.Should().StartWith(
            "'ownsVehicle' is neither a declared name nor a named condition (it may be defined in 'policy.yaml', which did not load)."));
    }

    [Test]
    public void Load_IncludeThatFailsToParse_IsNamedByTheUnknownNames()
    {
        using var folder = new TempFolder();
        folder.Write("policy.yaml", "apiVersion: engagement-rules/v1\nconditions: { ownsVehicle: \"true\"\n");
        folder.Write("rules.yaml", RulesUsingPolicy);

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Diagnostics.Should().Contain(d => d.Code == "ER0010", result.FormatDiagnostics());
        result.Diagnostics.Where(d => d.Code == "ER1006").Should().HaveCount(2)
            .And.AllSatisfy(d => d.Message.Should().Contain($"(it may be defined in '{Path.Join(folder.Path, "policy.yaml")}', which did not load)."));
    }

    [Test]
    public void Load_UnknownNameWhenEveryIncludeLoaded_DoesNotBlameAnInclude()
    {
        using var folder = new TempFolder();
        folder.Write("policy.yaml", "apiVersion: engagement-rules/v1\nconditions: { other: \"true\" }\n");
        folder.Write("rules.yaml", RulesUsingPolicy);

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Diagnostics.Where(d => d.Code == "ER1006").Should().HaveCount(2)
            .And.AllSatisfy(d => d.Message.Should().NotContain("did not load"));
    }

    [Test]
    public void LoadFromText_IncludeAndUnknownName_NamesTheIncludeThatDidNotLoad()
    {
        var result = new RuleFileLoader().LoadFromText("rules.yaml", RulesUsingPolicy.Replace("include: [policy.yaml]", "include: [policy.yaml, shared.yaml]", System.StringComparison.Ordinal));

        result.Diagnostics.Where(d => d.Code == "ER0034").Should().HaveCount(2);
        result.Diagnostics.Where(d => d.Code == "ER1006").Should().HaveCount(2)
            .And.AllSatisfy(d => d.Message.Should().Contain("(it may be defined in 'policy.yaml' or 'shared.yaml', which did not load)"));
    }
}
