using System.IO;
using System.Linq;
using System.Text.Json;

namespace Engagement.Rules.Cli.Tests;

public sealed partial class CliApplicationTest
{
    [Test]
    public void Run_SingleJsonDocumentWithDealershipId_IsOneCustomer()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var line = File.ReadLines(cli.SampleCustomers(2)).Skip(1).First();
        var facts = cli.Write("one.json", line);

        var outcome = cli.Run(RunArgs(cli, facts, "--format", "json"));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var lines = outcome.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("customerId").GetString().Should().Be("C-0002");
    }

    [Test]
    public void Run_BadDealershipsFile_ReportsTheFileWithExitTwo()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(1);
        var dealerships = cli.Write("dealerships.json", """{"dealerships": [ {"dealershipId": 7} ]}""");

        var outcome = cli.Run("run", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", dealerships);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("dealerships.json").And.Contain("$.dealerships[0]").And.NotContain("   at ");
    }

    [Test]
    public void Run_DealershipIdWithoutDealershipsOption_IsLocatedAndTellsToPassIt()
    {
        // Without --dealerships, the sample's dealershipId references cannot be resolved.
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(1);

        var outcome = cli.Run("run", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--at", "2026-11-24T15:00:00Z");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain($"{facts}:1: error: $.dealershipId: Unknown dealership id").And.Contain("Pass --dealerships <file>");
    }

    [Test]
    public void Run_DealershipIdNotInTheDealershipsFile_ListsTheKnownOnesWithoutTheHint()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(1);
        var dealerships = cli.Write("dealerships.json", File.ReadAllText(CliHarness.SampleDealerships).Replace("D-", "X-", System.StringComparison.Ordinal));

        var outcome = cli.Run("run", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", dealerships, "--at", "2026-11-24T15:00:00Z");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("$.dealershipId: Unknown dealership id").And.Contain("X-").And.NotContain("--dealerships");
    }

    [Test]
    public void Run_ErrorIsTerminal_ShowsProgressOnStderrOnly()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(100);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, ErrorIsTerminal: true, new NodaTime.Testing.FakeClock(CliHarness.Now));

        var exitCode = CliApplication.Run(RunArgs(cli, facts, "--format", "json"), console);

        exitCode.Should().Be(0, error.ToString());
        error.ToString().Should().Contain("\revaluated 100 customers...");
        output.ToString().Should().NotContain("customers...");
        output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(100);
    }

    [Test]
    public void Run_NotATerminal_ShowsNoProgress()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(100);

        var outcome = cli.Run(RunArgs(cli, facts, "--format", "json"));

        outcome.Error.Should().NotContain("evaluated").And.NotContain("\r");
    }
}
