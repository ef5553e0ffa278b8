namespace Engagement.Rules.Cli.Tests;

public sealed partial class CliApplicationTest
{
    private const string CheckupTests = """
        apiVersion: engagement-rule-tests/v1
        defaults:
          at: 2026-11-24T15:00:00Z
          customer:
            customerId: C1
            firstName: Ada
            lastName: Lovelace
            timeZoneId: America/Toronto
            status: Active
            jurisdiction: { countryCode: CA, regionCode: ON }
            contactPoints: { email: ada@example.com }
            consents:
              - { channel: Email, purpose: Service, status: Granted, at: "2025-01-01T00:00:00Z", basis: Express }
          dealership:
            dealershipId: D1
            name: Test Motors
            timeZoneId: America/Toronto
            jurisdiction: { countryCode: CA, regionCode: ON }
          facts:
            - Vehicle: { vin: 1HGCM82633A004352, ownerCustomerId: C1, make: Honda, model: Accord, modelYear: 2020, isOwned: true }
        cases:
          - name: owned vehicle gets a checkup
            expect:
              - { topic: service.checkup, rule: owned-vehicle-checkup, channel: Email }
        """;

    private const string WrongExpectation = """
          - name: deliberately wrong expectation
            expectNot:
              - { topic: service.checkup }
        """;

    [Test]
    public void Test_PassingCases_ExitsZeroWithSummary()
    {
        using var cli = new CliHarness();
        cli.Write("pack/checkup.yaml", RuleTexts.Checkup);
        cli.Write("pack/checkup.tests.yaml", CheckupTests);

        var outcome = cli.Run("test", System.IO.Path.Combine(cli.Folder, "pack"));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Out.Should().Contain("1 passed, 0 failed").And.NotContain("FAIL");
    }

    [Test]
    public void Test_FolderWithATestsYmlFile_RunsItAsTheLoaderSkipsIt()
    {
        using var cli = new CliHarness();
        cli.Write("pack/checkup.yaml", RuleTexts.Checkup);
        cli.Write("pack/checkup.tests.yml", CheckupTests + "\n" + WrongExpectation);
        var pack = System.IO.Path.Combine(cli.Folder, "pack");

        var test = cli.Run("test", pack);
        var validate = cli.Run("validate", pack);

        test.ExitCode.Should().Be(1, test.ToString());
        test.Out.Should().Contain("checkup.tests.yml:").And.Contain("1 passed, 1 failed");
        validate.ExitCode.Should().Be(0, "the test file is not read as a rule file: " + validate);
    }

    [Test]
    public void Test_FailingCase_ShowsExpectedVersusActualAndExitsOne()
    {
        using var cli = new CliHarness();
        cli.Write("pack/checkup.yaml", RuleTexts.Checkup);
        var tests = cli.Write("pack/checkup.tests.yaml", CheckupTests + "\n" + WrongExpectation);

        var outcome = cli.Run("test", System.IO.Path.Combine(cli.Folder, "pack"));

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Out.Should().Contain($"FAIL {tests}:").And.Contain("deliberately wrong expectation");
        outcome.Out.Should().Contain("expected no touch").And.Contain("but got");
        outcome.Out.Should().Contain("1 passed, 1 failed");
    }

    [Test]
    public void Test_NoTestFiles_ExitsTwo()
    {
        using var cli = new CliHarness();
        cli.Write("pack/checkup.yaml", RuleTexts.Checkup);

        var outcome = cli.Run("test", System.IO.Path.Combine(cli.Folder, "pack"));

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("No rule tests");
    }
}
