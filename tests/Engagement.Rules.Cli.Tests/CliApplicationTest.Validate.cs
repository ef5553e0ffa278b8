using System.Linq;
using System.Text.Json;

namespace Engagement.Rules.Cli.Tests;

public sealed partial class CliApplicationTest
{
    [Test]
    public void Validate_ValidRules_ExitsZeroAndReportsRuleCount()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);

        var outcome = cli.Run("validate", System.IO.Path.Combine(cli.Folder, "rules"));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().BeEmpty();
        outcome.Error.Should().Contain("2 rules loaded, 0 warnings.");
    }

    [Test]
    public void Validate_BrokenRule_PrintsLocatedDiagnosticWithCaretAndExitsOne()
    {
        using var cli = new CliHarness();
        var file = cli.Write("rules/broken.yaml", RuleTexts.Broken);

        var outcome = cli.Run("validate", file);

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        var lines = outcome.Out.Split('\n');
        var first = lines[0];
        first.Should().StartWith($"{file}:6:").And.Contain(": error ER").And.Contain("noSuchField");
        lines[1].Should().Contain("customer.noSuchField == 1", "the source line follows the diagnostic");
        lines[2].Trim().Should().Be("^");
    }

    [Test]
    public void Validate_AnyItemsPastTheEnginesLimit_PrintsER1019AtTheAnyAndExitsOne()
    {
        using var cli = new CliHarness();
        var file = cli.Write("rules/wide.yaml", RuleTexts.TooManyAlternatives);

        var outcome = cli.Run("validate", file);

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Out.Should().StartWith($"{file}:12:9: error ER1019: ").And.Contain("[rule too-many-alternatives]");
        outcome.Error.Should().Contain("1 error, 0 warnings.");
    }

    [Test]
    public void Validate_JsonFormat_PrintsParseableArrayOfDiagnostics()
    {
        using var cli = new CliHarness();
        var file = cli.Write("rules/broken.yaml", RuleTexts.Broken);

        var outcome = cli.Run("validate", file, "--format", "json");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        using var json = JsonDocument.Parse(outcome.Out);
        var diagnostics = json.RootElement.EnumerateArray().ToArray();
        diagnostics.Should().NotBeEmpty();
        var d = diagnostics[0];
        d.GetProperty("file").GetString().Should().Be(file);
        d.GetProperty("line").GetInt32().Should().Be(6);
        d.GetProperty("column").GetInt32().Should().BePositive();
        d.GetProperty("code").GetString().Should().StartWith("ER");
        d.GetProperty("severity").GetString().Should().Be("error");
        d.GetProperty("message").GetString().Should().Contain("noSuchField");
        d.GetProperty("ruleId").GetString().Should().Be("broken");
    }

    [Test]
    public void Validate_JsonFormat_KeepsApostrophesReadable()
    {
        using var cli = new CliHarness();
        var file = cli.Write("rules/broken.yaml", RuleTexts.Broken);

        var outcome = cli.Run("validate", file, "--format", "json");

        outcome.Out.Should().Contain("'noSuchField'").And.NotContain("\\u0027");
    }

    [Test]
    public void Validate_OneRule_SaysRuleInTheSingular()
    {
        using var cli = new CliHarness();
        var file = cli.Write("rules/wide.yaml", RuleTexts.DivideByZeroForC0002);

        var outcome = cli.Run("validate", file);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().Contain("1 rule loaded, 0 warnings.");
    }

    [Test]
    public void Validate_MissingPath_ExitsTwoWithClearMessage()
    {
        using var cli = new CliHarness();
        var missing = System.IO.Path.Combine(cli.Folder, "nowhere");

        var outcome = cli.Run("validate", missing);

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain(missing).And.Contain("no such file or folder").And.NotContain("   at ");
    }
}
