using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Sample;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed class SampleRunTest
{
    private static readonly string Root = SampleRun.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory)!;

    [Test]
    public async Task RunAsync_DefaultRulesOverSampleData_DecidesTouchesWithoutErrors()
    {
        var rules = Path.Combine(Root, "rules");
        if (!Directory.Exists(rules))
        {
            Assert.Ignore($"{rules} is not in this checkout yet (the default rule pack).");
        }

        var outcome = await SampleRun.RunAsync(rules, Path.Combine(Root, "samples", "data"), SampleRun.ReferenceInstant, CancellationToken.None);

        outcome.Errors.Should().BeEmpty();
        outcome.Results.Should().HaveCount(File.ReadLines(Path.Combine(Root, "samples", "data", "customers.jsonl")).Count(l => l.Length > 0));
        outcome.Results.SelectMany(r => r.Decisions).Should().NotBeEmpty();
        outcome.Results.Should().OnlyContain(r => r.EvaluatedAt == SampleRun.ReferenceInstant);
        using var text = new StringWriter();
        SampleReport.Write(outcome, text);
        text.ToString().Should().Contain("Decided by topic").And.Contain("Suppressed by reason");
    }

    [Test]
    public async Task RunAsync_BrokenRules_ReturnsEveryDiagnosticAndNoResult()
    {
        using var folder = new TempFolder();
        folder.Write("broken.yaml", Given.BrokenRule);

        var outcome = await SampleRun.RunAsync(folder.Path, Path.Combine(Root, "samples", "data"), SampleRun.ReferenceInstant, CancellationToken.None);

        outcome.Success.Should().BeFalse();
        outcome.Results.Should().BeEmpty();
        outcome.Errors.Should().Contain(e => e.Contains("broken.yaml:5:", System.StringComparison.Ordinal) && e.Contains("Custmer", System.StringComparison.Ordinal));
    }

    [Test]
    public async Task RunAsync_MissingFolders_NamesEachOne()
    {
        var outcome = await SampleRun.RunAsync("/no/such/rules", "/no/such/data", SampleRun.ReferenceInstant, CancellationToken.None);

        outcome.Errors.Should().HaveCount(3).And.Contain(e => e.Contains("/no/such/rules")).And.Contain(e => e.Contains("customers.jsonl"));
    }

    [Test]
    public async Task RunAsync_BadCustomerLine_IsLocatedAsTheToolLocatesIt()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(Root, "samples", "data");
        File.Copy(Path.Combine(data, "dealership.json"), Path.Combine(folder.Path, "dealership.json"));
        var lines = File.ReadAllLines(Path.Combine(data, "customers.jsonl")).Take(4).ToArray();
        lines[2] = "{\"customer\": {\"customerId\": 5}, \"dealershipId\": \"D-TX\", \"facts\": []}";
        var customers = Path.Combine(folder.Path, "customers.jsonl");
        File.WriteAllLines(customers, lines);

        var outcome = await SampleRun.RunAsync(Path.Combine(Root, "rules"), folder.Path, SampleRun.ReferenceInstant, CancellationToken.None);

        outcome.Errors.Should().ContainSingle().Which.Should().StartWith($"{customers}:3: error: $.customer.customerId: ");
    }

    [Test]
    public async Task RunAsync_InlineRuleOverSampleData_IsDeterministic()
    {
        using var folder = new TempFolder();
        folder.Write("recall.yaml", """
            apiVersion: engagement-rules/v1
            rules:
              - id: any-vehicle-notice
                when:
                  - customer: Customer
                  - vehicle: Vehicle
                    where: vehicle.ownerCustomerId == customer.customerId
                then:
                  - touch: { kind: notice, class: service, topic: service.check, vehicle: vehicle, reason: "A check" }
            """);
        var data = Path.Combine(Root, "samples", "data");

        var first = await SampleRun.RunAsync(folder.Path, data, SampleRun.ReferenceInstant, CancellationToken.None);
        var second = await SampleRun.RunAsync(folder.Path, data, SampleRun.ReferenceInstant, CancellationToken.None);

        first.Errors.Should().BeEmpty();
        first.Results.SelectMany(r => r.Decisions).Should().NotBeEmpty();
        second.Results.SelectMany(r => r.Decisions.Select(d => d.IdempotencyKey))
            .Should().Equal(first.Results.SelectMany(r => r.Decisions.Select(d => d.IdempotencyKey)));
    }
}
