using System.IO;
using System.Linq;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>Which rules a test file runs against, and how a case's facts combine with the defaults.</summary>
public sealed partial class RuleTestRunnerTest
{
    [Test]
    public void Run_RulesKey_LoadsOnlyTheNamedFiles()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "other"));
        File.WriteAllText(Path.Combine(_folder, "other", "thanks-only.yaml"), Rules.Replace("id: birthday", "id: birthday-disabled\n    enabled: false", System.StringComparison.Ordinal));
        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllText(testFile, Defaults.Replace("apiVersion: engagement-rule-tests/v1", "apiVersion: engagement-rule-tests/v1\nrules: [other/thanks-only.yaml]", System.StringComparison.Ordinal) + """

            cases:
              - name: the disabled birthday rule does not fire
                customer: { BirthDate: { MonthDay: "03-10" } }
                expectNot:
                  - { topic: relationship.birthday }
            """);

        var results = new RuleTestRunner().Run([testFile]);

        results.Should().ContainSingle().Which.Passed.Should().BeTrue(results[0].Message);
    }

    [Test]
    public void Run_CaseFactWithTheIdentityOfADefaultFact_ReplacesIt()
    {
        // The default referral is recorded today; the case restates it as recorded last month, so no thank-you.
        var defaultsWithReferral = Defaults + """

              facts:
                - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Sam Lee, RecordedOn: 2026-03-10 }
            """;
        File.WriteAllText(Path.Combine(_folder, "rules.tests.yaml"), defaultsWithReferral + """

            cases:
              - name: default referral thanked
                expect:
                  - { topic: advocacy.thanks }
              - name: restated referral replaces the default
                facts:
                  - Referral: { referralId: RF-1, referrerCustomerId: C-1, referredName: Sam Lee, recordedOn: 2026-02-10 }
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        var results = new RuleTestRunner().Run([_folder]);

        results.Should().HaveCount(2);
        results[0].Passed.Should().BeTrue(results[0].Message);
        results[1].Passed.Should().BeTrue(results[1].Message);
    }

    [Test]
    public void Discover_Folder_FindsTestFilesOfBothEndingsInAnyCaseAsTheLoaderSkipsThem()
    {
        var testFile = Defaults + """

            cases:
              - name: no referral, no thanks
                expectNot:
                  - { topic: advocacy.thanks }
            """;
        string[] names = ["a.tests.yaml", "b.tests.yml", "C.Tests.YML", "d.TESTS.Yaml"];
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(_folder, name), testFile);
        }

        Directory.CreateDirectory(Path.Combine(_folder, ".hidden"));
        File.WriteAllText(Path.Combine(_folder, ".hidden", "e.tests.yml"), testFile);

        var cases = RuleTestRunner.Discover([_folder]);
        var loaded = new RuleFileLoader().Load([_folder]);

        cases.Select(c => Path.GetFileName(c.File)).Should().BeEquivalentTo(names);
        loaded.Success.Should().BeTrue("the loader skips the test files, which are no rule files: " + loaded.FormatDiagnostics());
        loaded.Rules.Should().HaveCount(2, "rules.yaml's two rules");
        var runner = new RuleTestRunner();
        cases.Select(runner.Run).Should().OnlyContain(r => r.Passed);
    }
}
