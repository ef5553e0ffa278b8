using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Engagement.Rules.Cli.Tests;

/// <summary>A rule that fails at run time for one customer: run, forecast and explain report it alike (exit 1).</summary>
public sealed partial class CliApplicationTest
{
    private static CliHarness FailingRuleHarness(out string facts)
    {
        var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        cli.Write("rules/divide.yaml", RuleTexts.DivideByZeroForC0002);
        facts = cli.SampleCustomers(3);
        return cli;
    }

    private static string[] ErrorLines(CliOutcome outcome) =>
        outcome.Error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();

    private static void ShouldNameTheFailure(string line) =>
        line.Should().Contain("C-0002").And.Contain("'divide-by-zero'").And.Contain("DivideByZeroException")
            .And.Contain("Attempted to divide by zero")
            .And.Contain("The value '100 / ((customer.householdSize ?? 1) - (customer.householdSize ?? 1))' of 'z' in rule 'divide-by-zero' (", "the let that threw is named as written");

    [Test]
    public void Run_RuleFailsAtRunTimeForOneCustomer_ExitsOneWithAnErrorLineAndKeepsTheOthers()
    {
        using var cli = FailingRuleHarness(out var facts);

        var outcome = cli.Run(RunArgs(cli, facts));

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        var errors = ErrorLines(outcome);
        errors.Should().ContainSingle(outcome.ToString());
        ShouldNameTheFailure(errors[0]);
        outcome.Error.Should().NotContain("note:", "a failure is an error, not a note").And.NotContain("   at ");
        var rows = outcome.Out.Split('\n').Where(l => l.Contains("owned-vehicle-checkup", StringComparison.Ordinal)).ToArray();
        rows.Should().NotBeEmpty("the other customers are still evaluated").And.OnlyContain(r => !r.StartsWith("C-0002", StringComparison.Ordinal));
        outcome.Out.Should().Contain("3 customers, ").And.Contain(", 0 diagnostics, 1 failed");
    }

    [Test]
    public void Run_JsonAndRuleFailsAtRunTimeForOneCustomer_ExitsOneAndWritesEveryResult()
    {
        using var cli = FailingRuleHarness(out var facts);

        var outcome = cli.Run(RunArgs(cli, facts, "--format", "json", "--parallel", "2"));

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        var results = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        results.Select(r => r.GetProperty("customerId").GetString()).Should().Equal("C-0001", "C-0002", "C-0003");
        results[1].GetProperty("diagnostics").EnumerateArray().Should().ContainSingle()
            .Which.GetProperty("code").GetString().Should().Be("EvaluationFailed");
        var errors = ErrorLines(outcome);
        errors.Should().ContainSingle(outcome.ToString());
        ShouldNameTheFailure(errors[0]);
        outcome.Error.Should().Contain("3 customers, ").And.Contain("1 failed");
    }

    [Test]
    public void Forecast_RuleFailsAtRunTimeForOneCustomer_ExitsOneWithTheSameErrorLineAndForecastsTheOthers()
    {
        using var cli = FailingRuleHarness(out var facts);
        var run = cli.Run(RunArgs(cli, facts));

        var outcome = cli.Run(
            "forecast", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--days", "3", "--at", "2026-11-24T15:00:00Z", "--parallel", "3");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        ErrorLines(outcome).Should().Equal(ErrorLines(run), "run and forecast report a failing rule alike");
        outcome.Out.Should().Contain("owned-vehicle-checkup", "the other customers are still forecast")
            .And.Contain("3 customers, 1 failed");
    }

    [Test]
    public void Explain_RuleFailsAtRunTime_ExitsOneWithTheSameErrorLineAsRun()
    {
        using var cli = FailingRuleHarness(out var facts);
        var run = cli.Run(RunArgs(cli, facts));

        var outcome = cli.Run(
            "explain", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--customer", "C-0002", "--at", "2026-11-24T15:00:00Z");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        ErrorLines(outcome).Should().Equal(ErrorLines(run));
        outcome.Error.Should().NotContain("   at ");
    }
}
