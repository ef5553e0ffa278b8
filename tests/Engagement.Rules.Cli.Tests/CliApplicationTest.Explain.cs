using System.IO;

namespace Engagement.Rules.Cli.Tests;

public sealed partial class CliApplicationTest
{
    [Test]
    public void Explain_Customer_NamesFiredRulesAndFirstFailingCondition()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(3);

        var outcome = cli.Run(
            "explain", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--customer", "C-0002", "--at", "2026-11-24T15:00:00Z");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().Contain("Customer C-0002");
        outcome.Out.Should().MatchRegex(@"Rules that fired \(1\):\s+owned-vehicle-checkup");
        outcome.Out.Should().Contain("matched").And.Contain("Customer C-0002");
        outcome.Out.Should().MatchRegex(@"Rules that did not fire \(1\):\s+huge-household");
        outcome.Out.Should().Contain("first failing element: 2 of 2, pattern customer: Customer");
        outcome.Out.Should().Contain("first failing condition: 2: (customer.householdSize ?? 0) > 100", "the condition as the rule wrote it");
    }

    [Test]
    public void Explain_RuleThatDidNotFire_NamesWhereTheConditionIsWrittenAndTheCandidates()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(3);

        var outcome = cli.Run(
            "explain", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--customer", "C-0002", "--at", "2026-11-24T15:00:00Z");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().MatchRegex(
            @"first failing condition: 2: \(customer\.householdSize \?\? 0\) > 100\r?\n\s+written at \S*checkup\.yaml:\d+:\d+\r?\n\s+candidate Customer C-0002: rejected by condition 2",
            "the library's explanation: where the condition is written, and the customer it rejected");
    }

    [Test]
    public void Explain_UnknownCustomer_ExitsTwo()
    {
        using var cli = new CliHarness();
        cli.Write("rules/checkup.yaml", RuleTexts.Checkup);
        var facts = cli.SampleCustomers(2);

        var outcome = cli.Run(
            "explain", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--customer", "C-9999");

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("no customer 'C-9999'");
    }

    [Test]
    public void Explain_MissingFactTypeAndExpiredRule_NameTheElementThatFailed()
    {
        using var cli = new CliHarness();
        cli.Write("rules/unmatched.yaml", RuleTexts.Unmatched);
        var facts = cli.SampleCustomers(1);

        var outcome = cli.Run(
            "explain", "--rules", Path.Combine(cli.Folder, "rules"), "--facts", facts, "--dealerships", CliHarness.SampleDealerships,
            "--customer", "C-0001", "--at", "2026-11-24T15:00:00Z");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().MatchRegex(@"needs-complaint [^\n]*unmatched\.yaml:\d+:\d+\s+first failing element: 3 of 3, pattern complaint: Complaint\s+no Complaint fact at all");
        outcome.Out.Should().MatchRegex(@"expired-campaign [^\n]*\s+first failing element: 1 of 2, pattern \S+: EvaluationContext\s+first failing condition: 2: effective until 2020-12-31\r?\n", "the rule's until date has passed, shown as the rule file writes it");
    }
}
