using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Engagement.Rules.Cli.Tests;

/// <summary>A bad facts line: the results of the lines before it are written, in every format, for any --parallel.</summary>
public sealed partial class CliApplicationTest
{
    /// <summary>The first sample customers with line <paramref name="badLine"/> replaced by a customer whose id is a number.</summary>
    private static string FactsWithBadLine(CliHarness cli, int count, int badLine)
    {
        var lines = File.ReadLines(cli.SampleCustomers(count)).ToArray();
        lines[badLine - 1] = """{"customer": {"customerId": 5}, "dealershipId": "D-TX", "facts": []}""";
        return cli.Write("bad.jsonl", string.Join('\n', lines) + "\n");
    }

    private static string[] TableCustomers(string output) =>
        output.Split('\n').Where(l => l.StartsWith("C-", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]).ToArray();

    [Test]
    public void Run_TableAndBadFourthLine_PrintsTheRowsOfEarlierLinesBeforeTheError()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = FactsWithBadLine(cli, 5, badLine: 4);

        var outcome = cli.Run(RunArgs(cli, facts, "--parallel", "1"));

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain($"{facts}:4: error: $.customer.customerId");
        outcome.Out.Split('\n')[0].Should().Contain("customer").And.Contain("rule", "the table is printed with its header");
        TableCustomers(outcome.Out).Should().Contain("C-0002", "C-0002's decision was evaluated before the bad line");
        outcome.Out.Should().NotContain("customers, ", "the summary of a run that did not finish is left out");
    }

    [Test]
    public void Run_BadThirdLine_WritesEveryEarlierResultWhateverTheParallelism([Values("json", "table")] string format)
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = FactsWithBadLine(cli, 5, badLine: 3);

        var one = cli.Run(RunArgs(cli, facts, "--format", format, "--parallel", "1"));
        var four = cli.Run(RunArgs(cli, facts, "--format", format, "--parallel", "4"));

        foreach (var outcome in new[] { one, four })
        {
            outcome.ExitCode.Should().Be(2, outcome.ToString());
            outcome.Error.Should().Contain($"{facts}:3: error: $.customer.customerId");
        }

        if (format == "json")
        {
            var ids = one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("customerId").GetString()).ToArray();
            ids.Should().Equal("C-0001", "C-0002");
        }
        else
        {
            TableCustomers(one.Out).Should().Equal(["C-0002"], "C-0002 has the only decision of the first two customers");
        }

        four.Out.Should().Be(one.Out, "the output does not depend on --parallel");
    }
}
