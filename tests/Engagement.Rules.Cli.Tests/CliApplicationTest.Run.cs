using System.IO;
using System.Linq;
using System.Text.Json;

namespace Engagement.Rules.Cli.Tests;

public sealed partial class CliApplicationTest
{
    private static string[] RunArgs(CliHarness cli, string facts, params string[] more) =>
        ["run", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships, "--at", "2026-11-24T15:00:00Z", .. more];

    [Test]
    public void Run_Table_ListsEveryDecisionAndSummary()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(3);

        var outcome = cli.Run(RunArgs(cli, facts));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var header = outcome.Out.Split('\n')[0];
        header.Should().ContainAll("customer", "vehicle", "kind", "topic", "channel", "due (local)", "rule");
        var rows = outcome.Out.Split('\n').Where(l => l.Contains("owned-vehicle-checkup", System.StringComparison.Ordinal)).ToArray();
        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(r => r.Contains("service.checkup", System.StringComparison.Ordinal) && r.Contains("Email", System.StringComparison.Ordinal));
        outcome.Out.Should().Contain($"3 customers, {rows.Length} decisions").And.Contain("Decisions by kind and topic");
    }

    [Test]
    public void Run_AnyItemsPastTheEnginesLimit_ExitsOneWithTheLocatedDiagnosticNotAnInternalError()
    {
        using var cli = new CliHarness();
        var file = cli.Write("rules/wide.yaml", RuleTexts.TooManyAlternatives);
        var facts = cli.SampleCustomers(1);

        var outcome = cli.Run(RunArgs(cli, facts));

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().StartWith($"{file}:12:9: error ER1019: ").And.NotContain("internal error");
        outcome.Out.Should().BeEmpty();
    }

    [Test]
    public void Run_Json_WritesOneParseableResultPerCustomerAndSummaryOnStderr()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(3);

        var outcome = cli.Run(RunArgs(cli, facts, "--format", "json", "--parallel", "2"));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var lines = outcome.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("customerId").GetString()).ToArray();
        ids.Should().Equal("C-0001", "C-0002", "C-0003");
        var decisions = lines.Sum(l => JsonDocument.Parse(l).RootElement.GetProperty("decisions").GetArrayLength());
        outcome.Error.Should().Contain($"3 customers, {decisions} decisions");
    }

    [Test]
    public void Run_Json_EveryResultNamesTheRuleSetItsTableSummaryToo()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(3);
        var expected = new Engagement.Rules.Yaml.RuleFileLoader().Load([Path.Combine(cli.Folder, "rules")]).Fingerprint;

        var json = cli.Run(RunArgs(cli, facts, "--format", "json"));
        var table = cli.Run(RunArgs(cli, facts));

        json.ExitCode.Should().Be(0, json.ToString());
        json.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("ruleSetFingerprint").GetString())
            .Should().Equal(expected, expected, expected);
        json.Error.Should().Contain($"rule set {expected}");
        table.Out.Should().Contain($"rule set {expected}");
    }

    [Test]
    public void Run_SameInput_GivesSameOutput()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(5);

        var first = cli.Run(RunArgs(cli, facts, "--parallel", "3"));
        var second = cli.Run(RunArgs(cli, facts, "--parallel", "1"));

        second.Out.Should().Be(first.Out);
    }

    [Test]
    public void Run_BadJson_ReportsFileLineAndJsonPathWithExitTwo()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var good = File.ReadLines(cli.SampleCustomers(1)).First();
        var facts = cli.Write("bad.jsonl", good + "\n" + """{"customer": {"customerId": 5}, "dealershipId": "D-TX", "facts": []}""" + "\n");

        var outcome = cli.Run(RunArgs(cli, facts, "--format", "json"));

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain($"{facts}:2:").And.Contain("$.customer.customerId").And.NotContain("   at ");
    }

    [Test]
    public void Run_EmptyFactsFile_WarnsThatNothingWasEvaluated([Values("json", "table")] string format)
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.Write("empty.jsonl", "\n");

        var outcome = cli.Run(RunArgs(cli, facts, "--format", format));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().Contain($"warning: {facts} holds no customers; nothing was evaluated.");
    }

    [Test]
    public void Run_FactsWithCustomers_NoEmptyWarning()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);

        var outcome = cli.Run(RunArgs(cli, cli.SampleCustomers(1)));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().NotContain("holds no customers");
    }

    [Test]
    public void Run_MissingFactsFile_ExitsTwo()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);

        var outcome = cli.Run(RunArgs(cli, Path.Combine(cli.Folder, "none.jsonl")));

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("none.jsonl").And.Contain("no such facts file");
    }

    [Test]
    public void Run_RulesWithErrors_PrintsDiagnosticsAndExitsOne()
    {
        using var cli = new CliHarness();
        cli.Write("rules/broken.yaml", RuleTexts.Broken);
        var facts = cli.SampleCustomers(1);

        var outcome = cli.Run(RunArgs(cli, facts));

        outcome.ExitCode.Should().Be(1);
        outcome.Error.Should().Contain("broken.yaml:6:").And.Contain("did not load");
        outcome.Out.Should().BeEmpty();
    }

    [Test]
    public void Run_BadInstant_ExitsTwoNamingTheOption()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(1);

        var outcome = cli.Run(["run", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--at", "yesterday"]);

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("--at 'yesterday'");
    }

    [Test]
    public void Run_MissingRequiredOption_IsUsageErrorExitTwo()
    {
        using var cli = new CliHarness();

        var outcome = cli.Run("run", "--rules", cli.Folder);

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("--facts");
    }
}
