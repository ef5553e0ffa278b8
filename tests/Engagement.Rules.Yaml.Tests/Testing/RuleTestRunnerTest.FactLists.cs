using System.IO;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>
/// A fact or a field given twice is an error at the second one (review F15): the second used to replace the first
/// silently, so the case tested something else than it says.
/// </summary>
public sealed partial class RuleTestRunnerTest
{
    [Test]
    public void Run_TwoFactsWithOneIdentityInACase_FailAtTheSecondNamingTheFirst()
    {
        // Without the check the second referral (last month) replaced the first (today) and the expectNot passed.
        var result = RunSingle("""
            cases:
              - name: copy-paste slip
                facts:
                  - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Sam Lee, RecordedOn: 2026-03-10 }
                  - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Kim Lee, RecordedOn: 2026-02-10 }
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:18: facts[1] Referral has the identity (Referral, RF-1) of facts[0] (line 17)");
    }

    [Test]
    public void Run_TwoFactsWithOneIdentityInTheDefaults_FailEveryCaseAtTheSecond()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.tests.yaml"), Defaults + """

              facts:
                - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Sam Lee, RecordedOn: 2026-03-10 }
                - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Kim Lee, RecordedOn: 2026-02-10 }
            cases:
              - name: any
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        var results = new RuleTestRunner().Run([_folder]);

        results.Should().ContainSingle().Which.Passed.Should().BeFalse();
        results[0].Message.Should().Contain("rules.tests.yaml:16: defaults.facts[1] Referral has the identity (Referral, RF-1) of defaults.facts[0] (line 15)");
    }

    [Test]
    public void Run_CaseFactsEachReplacingADefault_AreNotDuplicates()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.tests.yaml"), Defaults + """

              facts:
                - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Sam Lee, RecordedOn: 2026-02-10 }
                - Referral: { ReferralId: RF-2, ReferrerCustomerId: C-1, ReferredName: Kim Lee, RecordedOn: 2026-02-10 }
            cases:
              - name: both restated, one thanked today
                facts:
                  - Referral: { ReferralId: RF-2, ReferrerCustomerId: C-1, ReferredName: Kim Lee, RecordedOn: 2026-03-10 }
                  - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredName: Sam Lee, RecordedOn: 2026-02-11 }
                expect:
                  - { topic: advocacy.thanks }
            """);

        var results = new RuleTestRunner().Run([_folder]);

        results.Should().ContainSingle().Which.Passed.Should().BeTrue(results[0].Message);
    }

    [Test]
    public void Run_FieldGivenTwiceInDifferentCase_FailsAtTheSecondKey()
    {
        // Without the check the JSON reader, which ignores case, kept the last: the referral was last month's.
        var result = RunSingle("""
            cases:
              - name: two spellings
                facts:
                  - Referral:
                      ReferralId: RF-1
                      ReferrerCustomerId: C-1
                      ReferredName: Sam Lee
                      RecordedOn: 2026-03-10
                      recordedOn: 2026-02-10
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:22: The key 'recordedOn' names the same field as 'RecordedOn' on line 21");
    }

    [Test]
    public void Run_CustomerFieldGivenTwiceInDifferentCase_Fails()
    {
        var result = RunSingle("""
            cases:
              - name: two spellings
                customer: { BirthDate: { MonthDay: "03-10" }, birthDate: { MonthDay: "04-10" } }
                expect:
                  - { topic: relationship.birthday }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:16: ").And.Contain("The key 'birthDate' names the same field as 'BirthDate'");
    }

    [Test]
    public void Run_CaseCustomerFieldInAnotherCaseThanTheDefault_ReplacesIt()
    {
        // The defaults write 'Consents'; the case's 'consents' is the same field and replaces it.
        var result = RunSingle("""
            cases:
              - name: no consent
                customer: { BirthDate: { MonthDay: "03-10" }, consents: [] }
                expectSuppressed:
                  - { topic: relationship.birthday, reason: NoConsent }
            """);

        result.Passed.Should().BeTrue(result.Message);
    }
}
