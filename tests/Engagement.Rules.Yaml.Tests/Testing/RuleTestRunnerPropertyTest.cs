using System;
using System.IO;
using System.Linq;
using CsCheck;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>Whatever a test file holds, the runner answers with failed cases, never an exception or a hang.</summary>
public sealed class RuleTestRunnerPropertyTest
{
    private const string Rules = """
        apiVersion: engagement-rules/v1
        rules:
          - id: birthday
            when:
              - customer: Customer
                where: has(customer.birthDate) and nextOccurrence(customer.birthDate.monthDay) == today()
            then:
              - touch: { kind: greeting, class: relationship, topic: relationship.birthday, reason: "Birthday" }
        """;

    private const string Sample = """
        apiVersion: engagement-rule-tests/v1
        defaults:
          at: 2026-03-10T15:00:00Z
          dealership: { DealershipId: D-1, Name: Motors, TimeZoneId: America/Chicago, Jurisdiction: { CountryCode: US, RegionCode: TX } }
          customer:
            CustomerId: C-1
            FirstName: Dana
            LastName: Reyes
            TimeZoneId: America/Chicago
            PreferredChannels: [Email]
            ContactPoints: { Email: dana@example.com }
            Consents:
              - { Channel: Email, Purpose: Marketing, Status: Granted, At: "2025-01-01T00:00:00Z", Basis: Express }
          facts:
            - Vehicle: { Vin: 1HGCM82633A004352, OwnerCustomerId: C-1, Make: Honda, Model: Accord, ModelYear: 2023 }
        cases:
          - name: birthday greeting
            customer: { BirthDate: { MonthDay: "03-10" } }
            facts:
              - RepairOrder: { RepairOrderId: RO-1, Vin: 1HGCM82633A004352, CustomerId: C-1, OpenedOn: 2025-09-10, Mileage: 18000, Operations: [OIL-CHG] }
            expect:
              - { topic: relationship.birthday, rule: birthday, channel: Email, due: "2026-03-10T10:00" }
            expectNot:
              - { topic: service.oil }
            nothingElse: true
        """;

    private static readonly Gen<char> Interesting = Gen.OneOf(
        Gen.Char["-:[]{}&*!|>'\"#%@`,?\t\n {}()=<>.\\0123456789"],
        Gen.Char['a', 'z'],
        Gen.Char);

    private static readonly Gen<string> Mutated = TextMutations.Of(Sample, Interesting, maxRemoved: 12, maxInserted: 6);

    [Test]
    public void Run_InputThatMakesTheYamlScannerThrowABareException_FailsTheFileAtItsLine()
    {
        // Found by the property below: YamlDotNet's scanner threw InvalidOperationException ("Operation is not valid
        // due to the current state of the object"), which came out of RuleTestRunner.Run (the tool: "internal error").
        var folder = Directory.CreateTempSubdirectory("rule-tests-scanner-").FullName;
        try
        {
            var file = Path.Combine(folder, "scanner.tests.yaml");
            File.WriteAllText(file, Sample.Replace("Mileage: 18000, Operations", "Mileage:{ations", StringComparison.Ordinal));

            var result = new RuleTestRunner().Run([file]).Should().ContainSingle().Which;

            result.Passed.Should().BeFalse();
            result.Message.Should().Contain("scanner.tests.yaml:20: This is not valid YAML after this point");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Run_MutatedTestFile_AnswersWithResultsOnly()
    {
        var folder = Directory.CreateTempSubdirectory("rule-tests-fuzz-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "rules.yaml"), Rules);
            var file = Path.Combine(folder, "fuzz.tests.yaml");
            var runner = new RuleTestRunner();
            Mutated.Sample(
                text =>
                {
                    File.WriteAllText(file, text);
                    var results = runner.Run([file]);
                    results.Should().NotBeEmpty();
                    foreach (var result in results.Where(r => !r.Passed))
                    {
                        result.Message.Should().NotBeNullOrWhiteSpace();
                    }
                },
                iter: 150,
                threads: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
