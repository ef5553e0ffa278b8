using System.IO;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>Bad test files, facts and rules fail their cases with a located, specific message; nothing throws or is skipped.</summary>
public sealed partial class RuleTestRunnerTest
{
    [Test]
    public void Run_InvalidFactField_NamesFactLineAndField()
    {
        var result = RunSingle("""
            cases:
              - name: bad vin
                facts:
                  - Vehicle: { Vin: 1HGCM82633A00435, OwnerCustomerId: C-1, Make: Honda, Model: Accord, ModelYear: 2023 }
                expectNot:
                  - { topic: relationship.birthday }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:17: facts[0] Vehicle (Vehicle): ");
    }

    [Test]
    public void Run_InvalidFieldOfABlockFact_PointsAtTheFieldsLine()
    {
        var result = RunSingle("""
            cases:
              - name: bad model year
                facts:
                  - Vehicle:
                      Vin: 1HGCM82633A004352
                      OwnerCustomerId: C-1
                      Make: Honda
                      Model: Accord
                      ModelYear: abc
                expectNot:
                  - { topic: relationship.birthday }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:22: facts[0] Vehicle (Vehicle): ModelYear: ", "the line of the field, not of the fact");
    }

    [Test]
    public void Run_UnknownFactField_IsReported()
    {
        var result = RunSingle("""
            cases:
              - name: typo
                facts:
                  - Referral: { ReferralId: RF-1, ReferrerCustomerId: C-1, ReferredNam: Sam, RecordedOn: 2026-03-10 }
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("facts[0] Referral").And.Contain("Referral has no field 'ReferredNam'");
    }

    [Test]
    public void Run_UnknownFactType_ListsTheKnownOnes()
    {
        var result = RunSingle("""
            cases:
              - name: unknown type
                facts:
                  - Vehicel: { Vin: 1HGCM82633A004352 }
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("unknown fact type 'Vehicel'").And.Contain("Vehicle");
    }

    [Test]
    public void Discover_UnknownCaseKey_FailsThatCaseOnlyWithASuggestion()
    {
        var results = RunAll("""
            cases:
              - name: typo
                expectnot:
                  - { topic: advocacy.thanks }
              - name: fine
                expectNot:
                  - { topic: advocacy.thanks }
            """);

        results.Should().HaveCount(2);
        results[0].Passed.Should().BeFalse();
        results[0].Message.Should().Contain("Unknown key 'expectnot' in a case. Did you mean 'expectNot'?");
        results[1].Passed.Should().BeTrue(results[1].Message);
    }

    [Test]
    public void Discover_WrongApiVersion_YieldsOneFailingCase()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.tests.yaml"), "apiVersion: v0\ncases: []\n");

        var cases = RuleTestRunner.Discover([_folder]);

        cases.Should().ContainSingle();
        var result = new RuleTestRunner().Run(cases[0]);
        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("apiVersion: engagement-rule-tests/v1").And.Contain("found 'v0'");
    }

    [Test]
    public void Run_CaseExpectingNothing_IsRejected()
    {
        var result = RunSingle("""
            cases:
              - name: empty
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("The case expects nothing");
    }

    [Test]
    public void Run_RulesThatDoNotLoad_FailWithTheDiagnostics()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), "apiVersion: engagement-rules/v1\nrules:\n  - id: broken\n    when:\n      - customer: Customr\n    then:\n      - touch: { kind: greeting, class: relationship, topic: x }\n");

        var result = RunSingle("""
            cases:
              - name: any
                expectNot:
                  - { topic: x }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("do not load").And.Contain("Customr");
    }

    [Test]
    public void Run_RulesTheEngineRejects_FailWithER0050AtTheRule()
    {
        var rules = Path.Combine(_folder, "rules.yaml");
        File.WriteAllText(rules, Support.EngineRejectedRules.File);
        var options = new RuleTestOptions { Loader = Support.EngineRejectedRules.Options };

        var result = RunSingle(options, """
            cases:
              - name: any
                expectNot:
                  - { topic: x }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("do not load")
            .And.Contain($"{rules}:{Support.EngineRejectedRules.Line}:{Support.EngineRejectedRules.Column}: error ER0050: The rule engine rejected this rule: ")
            .And.Contain("[rule haunted]");
    }

    [Test]
    public void Discover_MissingPath_Throws()
    {
        var act = () => RuleTestRunner.Discover([Path.Combine(_folder, "nope")]);

        act.Should().Throw<FileNotFoundException>().WithMessage("*nope*neither a file nor a folder*");
    }

    [Test]
    public void Run_InvalidPolicyOptions_FailTheCasesWithTheProblem()
    {
        var options = new RuleTestOptions { Policy = new PolicyOptions { Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = 0 } } };

        var result = RunSingle(options, """
            cases:
              - name: any
                expectNot:
                  - { topic: x }
            """);

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("The policy options are invalid").And.Contain("MaxNonSafetyTouchesPerDay");
    }
}
