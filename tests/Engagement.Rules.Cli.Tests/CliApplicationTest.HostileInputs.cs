using System;
using System.IO;

namespace Engagement.Rules.Cli.Tests;

/// <summary>Inputs a careless or hostile caller gives: a located message and exit 2, never a crash or changed data.</summary>
public sealed partial class CliApplicationTest
{
    [TestCase("--facts")]
    [TestCase("--dealerships")]
    public void Run_FileOptionNamingAFolder_SaysItIsAFolder(string option)
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var folder = Directory.CreateDirectory(Path.Combine(cli.Folder, "data.jsonl")).FullName;
        var facts = option == "--facts" ? folder : cli.SampleCustomers(1);
        var dealerships = option == "--dealerships" ? folder : CliHarness.SampleDealerships;

        var outcome = cli.Run("run", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", dealerships);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain($"{folder}: is a folder; expected a");
    }

    [Test]
    public void Run_JsonLinesWithAByteThatIsNotUtf8_IsLocatedNotReplaced()
    {
        // File.OpenText turned the byte into U+FFFD: inside a name it was silently changed data.
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(3);
        var bytes = File.ReadAllBytes(facts);
        var secondLine = Array.IndexOf(bytes, (byte)'\n') + 1;
        var firstName = Array.IndexOf(bytes, (byte)'"', secondLine + "{\"customer\":{\"customerId\":\"C-0002\",\"firstName\":".Length) + 1;
        bytes[firstName] = 0xC3;
        File.WriteAllBytes(facts, bytes);

        var outcome = cli.Run(RunArgs(cli, facts, "--format", "json"));

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("customers.jsonl:2: error: $: The byte 0xC3 is not valid UTF-8");
    }

    [Test]
    public void Run_FactsFileThatCannotBeRead_IsBadInputNotAnInternalError()
    {
        // Reading /proc/self/mem from its start fails with EIO: a file that exists but cannot be read.
        Assume.That(File.Exists("/proc/self/mem"), "needs Linux's /proc");
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);

        var outcome = cli.Run(RunArgs(cli, "/proc/self/mem"));

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().StartWith("error: cannot read or write a file: ").And.NotContain("internal error");
    }

    [TestCase("-9998-01-01T00:00:00Z")]
    [TestCase("9999-12-31T00:00:00Z")]
    public void Run_AtOutsideTheEvaluatorsRange_IsBadInputNotAFailurePerCustomer(string at)
    {
        // Before: "The rules failed for customer C-0001: Value should be in range ... 'daysSinceEpoch'" for each customer.
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(2);

        var outcome = cli.Run("run", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships, "--at", at);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain($"--at '{at}' is outside the instants the evaluator supports (0001-01-01T00:00:00Z to 9999-10-30T00:00:00Z)");
    }

    [Test]
    public void Forecast_DaysPastTheLatestInstant_IsBadInput()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(1);

        var outcome = cli.Run("forecast", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships, "--at", "9999-10-25T00:00:00Z", "--days", "30");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("with --days 30 would evaluate after 9999-10-30T00:00:00Z").And.NotContain("internal error");
    }
}
