using System;
using System.IO;
using System.Linq;

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

    [Test]
    public void Forecast_LastDayPastTheLatestInstantOnlyAfterADstChange_IsBadInputNamingTheCustomer()
    {
        // The evaluator's own check, mapped: Cairo falls back an hour at the end of 9999-10-28, so the tenth day at the
        // same local time (02:30) is 9999-10-30T00:30Z, past the latest instant, although ten whole 24-hour days from
        // --at end before it. The tool's former copy of the check counted whole days and let this through.
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var line = File.ReadLines(cli.SampleCustomers(1)).First().Replace("\"America/Toronto\"", "\"Africa/Cairo\"", StringComparison.Ordinal);
        var facts = cli.Write("cairo.jsonl", line + "\n");

        var outcome = cli.Run("forecast", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships, "--at", "9999-10-20T23:30:00Z", "--days", "10");

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("--at 9999-10-20T23:30:00Z with --days 10 would evaluate after 9999-10-30T00:00:00Z for customer C-0001")
            .And.NotContain("internal error");
        outcome.Out.Should().BeEmpty();
    }

    [Test]
    public void Run_ValuesWithTerminalControlCharacters_AreShownEscapedNotObeyed()
    {
        // A customer id carrying ESC [2J (clear the screen), a line break that would forge a table row, and a
        // right-to-left override: before, all three reached the terminal as they were.
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var line = File.ReadLines(cli.SampleCustomers(2)).Skip(1).First().Replace("\"C-0002\"", "\"C-0002\\u001b[2J\\nC-9\\u202e\"", StringComparison.Ordinal);
        var facts = cli.Write("evil.jsonl", line + "\n");

        var outcome = cli.Run(RunArgs(cli, facts));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().Contain("C-0002\\u001B[2J\\u000AC-9\\u202E").And.NotContain("\u001b").And.NotContain("\u202e");
        outcome.Out.Split('\n').Should().NotContain(l => l.StartsWith("C-9", StringComparison.Ordinal), "a value cannot start a row of its own");
    }

    [Test]
    public void Run_ErrorQuotingAValueWithAnEscape_IsShownEscaped()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.Write("evil.json", File.ReadLines(cli.SampleCustomers(1)).First().Replace("\"dealershipId\":\"", "\"dealershipId\":\"\\u001b]0;pwned\\u0007", StringComparison.Ordinal));

        var outcome = cli.Run(RunArgs(cli, facts));

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("\\u001B]0;pwned\\u0007").And.NotContain("\u001b").And.NotContain("\u0007");
    }

    [Test]
    public void Run_ErrorQuotingAValueWithABareCarriageReturn_IsShownEscaped()
    {
        // Outside tables the writer kept CR as a line end: "\r[ok] ..." in a quoted value sent the cursor back and
        // overwrote the error line with a forged one. Only a CR that ends a line (CR LF) stays.
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.Write("evil.json", File.ReadLines(cli.SampleCustomers(1)).First().Replace("\"dealershipId\":\"", "\"dealershipId\":\"\\r[ok] all customers evaluated", StringComparison.Ordinal));

        var outcome = cli.Run(RunArgs(cli, facts));

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.Error.Should().Contain("\\u000D[ok] all customers evaluated").And.NotContain("\r");
    }
}
