using System.IO;
using System.Linq;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// A named condition a file cannot see (defined in a file it does not include): every way of using it says where it
/// is defined and the include to write, at the use.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    private const string CommonConditions = """
        apiVersion: engagement-rules/v1
        conditions:
          ambassador: "customer.isAmbassador"
          isActive: "customer.status == Active"
        """;

    private static string OneRule(string when) => $$"""
        apiVersion: engagement-rules/v1
        rules:
          - id: r
            when: {{when}}
            then: [ { signal: { name: s } } ]
        """;

    [TestCase("[ { customer: Customer, where: ambassador } ]", 4, 42, TestName = "Load_ConditionOfAFileNotIncluded_NamesTheIncludeToWrite(where item)")]
    [TestCase("[ { customer: Customer, where: { condition: ambassador } } ]", 4, 55, TestName = "Load_ConditionOfAFileNotIncluded_NamesTheIncludeToWrite(condition reference)")]
    public void Load_ConditionOfAFileNotIncluded_NamesTheIncludeToWrite(string when, int line, int column)
    {
        using var folder = new TempFolder();
        folder.Write("common/foo.yaml", CommonConditions);
        folder.Write("rules/b.yaml", OneRule(when));

        var result = new RuleFileLoader().Load([folder.Path]);

        result.ShouldReport("ER1008", line, column);
        result.Single("ER1008").Message.Should().Be(
            $"The condition 'ambassador' is defined in {Path.Join(folder.Path, "common/foo.yaml")}, which this file does not include; add `include: [../common/foo.yaml]`.");
    }

    [Test]
    public void Load_ConditionOfAFileNotIncluded_ByAFileWithIncludes_SaysToExtendTheList()
    {
        using var folder = new TempFolder();
        folder.Write("common/foo.yaml", CommonConditions);
        folder.Write("common/other.yaml", "apiVersion: engagement-rules/v1\n");
        folder.Write("b.yaml", OneRule("[ { customer: Customer, where: ambassador } ]").Replace("rules:", "include: [common/other.yaml]\nrules:", System.StringComparison.Ordinal));

        var result = new RuleFileLoader().Load([folder.Path]);

        result.ShouldReport("ER1008", 5, 42);
        result.Single("ER1008").Message.Should().EndWith("which this file does not include; add 'common/foo.yaml' to its 'include' list.");
    }

    [Test]
    public void Load_MisspeltConditionOfAFileNotIncluded_SuggestsItWithTheInclude()
    {
        using var folder = new TempFolder();
        folder.Write("common/foo.yaml", CommonConditions);
        folder.Write("rules/b.yaml", OneRule("[ { customer: Customer, where: isActve } ]"));

        var result = new RuleFileLoader().Load([folder.Path]);

        result.ShouldReport("ER1006", 4, 42);
        result.Single("ER1006").Message.Should().Be(
            $"'isActve' is neither a declared name nor a named condition. Did you mean 'isActive'? The condition 'isActive' is defined in {Path.Join(folder.Path, "common/foo.yaml")}, which this file does not include; add `include: [../common/foo.yaml]`.");
    }

    [Test]
    public void Load_MisspeltCondition_PrefersTheOneTheFileSees()
    {
        using var folder = new TempFolder();
        folder.Write("common/foo.yaml", CommonConditions);
        folder.Write("b.yaml", OneRule("[ { customer: Customer, where: isActve } ]").Replace("rules:", "conditions: { isActiv: \"true\" }\nrules:", System.StringComparison.Ordinal));

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Single("ER1006").Message.Should().EndWith("Did you mean 'isActiv'?");
    }

    [Test]
    public void Load_ConditionNamedInsideAnExpression_SaysToGiveItItsOwnWhereItem()
    {
        using var folder = new TempFolder();
        folder.Write("common/foo.yaml", CommonConditions);
        folder.Write("rules/b.yaml", OneRule("""[ { customer: Customer, where: "ambassador and customer.isAmbassador" } ]"""));
        folder.Write("rules/c.yaml", OneRule("""[ { customer: Customer, where: "not isActive" } ]""").Replace("- id: r", "- id: r2", System.StringComparison.Ordinal)
            .Replace("rules:", "include: [../common/foo.yaml]\nrules:", System.StringComparison.Ordinal));

        var result = new RuleFileLoader().Load([folder.Path]);

        var errors = result.Diagnostics.Where(d => d.Code == "ER2020").ToArray();
        errors.Select(d => (d.RuleId, d.Location.Line, d.Location.Column)).Should().Equal(("r", 4, 43), ("r2", 5, 47));
        errors[1].Message.Should().Be("'isActive' is a named condition; an expression cannot use one: give it its own item of the 'where' list (where: [isActive, \"...\"]).");
        errors[0].Message.Should().Be(
            $"'ambassador' is a named condition; an expression cannot use one: give it its own item of the 'where' list (where: [ambassador, \"...\"]). The condition 'ambassador' is defined in {Path.Join(folder.Path, "common/foo.yaml")}, which this file does not include; add `include: [../common/foo.yaml]`.");
    }

    [Test]
    public void Load_ConditionUsingAnotherCondition_SaysConditionsCombineInWhere()
    {
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              isActive: "customer.status == Active"
              activeAmbassador:
                parameters: { customer: Customer }
                expression: "isActive and customer.isAmbassador"
            """);

        result.ShouldReport("ER2020", 6, 18);
        result.Single("ER2020").Message.Should().Be("'isActive' is a named condition; a condition cannot use another: a rule combines them as items of its 'where' list.");
    }

    [Test]
    public void Load_ConditionOutsideTheUsingFilesFolder_SaysItCannotBeIncluded()
    {
        using var folder = new TempFolder();
        folder.Write("common/foo.yaml", CommonConditions);
        folder.Write("rules/b.yaml", OneRule("[ { customer: Customer, where: ambassador } ]"));

        var result = new RuleFileLoader().Load([Path.Join(folder.Path, "rules"), Path.Join(folder.Path, "common")]);

        result.Single("ER1008").Message.Should().EndWith(
            $"which this file does not include and cannot include: includes stay inside this file's rule folder '{Path.Join(folder.Path, "rules")}'. Load a folder that holds both files, and include it.");
    }
}
