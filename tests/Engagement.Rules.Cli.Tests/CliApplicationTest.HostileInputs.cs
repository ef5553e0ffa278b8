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
}
