using System.IO;
using System.Linq;

namespace Engagement.Rules.Cli.Tests;

public sealed partial class CliApplicationTest
{
    [Test]
    public void Forecast_Days_PrintsOneChartLinePerDay()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(3);

        var outcome = cli.Run(
            "forecast", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--days", "5", "--at", "2026-11-24T15:00:00Z");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var bars = outcome.Out.Split('\n').Where(l => l.Contains(" | ", System.StringComparison.Ordinal)).ToArray();
        bars.Select(b => b[..10]).Should().Equal("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28");
        var touches = outcome.Out.Split('\n').Count(l => l.Contains("owned-vehicle-checkup", System.StringComparison.Ordinal));
        touches.Should().BePositive();
        bars.Sum(b => int.Parse(b.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(touches);
        bars.Should().Contain(b => b.Contains('#', System.StringComparison.Ordinal));
    }

    [Test]
    public void Forecast_Html_WritesSelfContainedReportWithSvgChart()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(2);
        var report = Path.Combine(cli.Folder, "report.html");

        var outcome = cli.Run(
            "forecast", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--days", "3", "--customer", "C-0002", "--at", "2026-11-24T15:00:00Z", "--html", report);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var html = File.ReadAllText(report);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("C-0002").And.NotContain("<?xml");
        html.Should().NotContain("<script").And.NotContain("src=\"http", "the report opens offline");
    }

    [Test]
    public void Forecast_Parallel_GivesSameOutputAsSequential()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(6);
        string[] args = ["forecast", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships, "--days", "4", "--at", "2026-11-24T15:00:00Z"];

        var sequential = cli.Run([.. args, "--parallel", "1"]);
        var parallel = cli.Run([.. args, "--parallel", "4"]);

        sequential.ExitCode.Should().Be(0, sequential.ToString());
        parallel.Out.Should().Be(sequential.Out);
    }
}
