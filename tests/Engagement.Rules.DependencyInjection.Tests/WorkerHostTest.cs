using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.WorkerSample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed class WorkerHostTest
{
    [Test]
    public async Task Build_Once_EvaluatesEveryCustomerAndStops()
    {
        using var output = new StringWriter();
        var (host, settings) = WorkerHost.Build(["--once"], output);
        using (host)
        {
            using var timeout = new CancellationTokenSource(System.TimeSpan.FromMinutes(2));
            await host.RunAsync(timeout.Token);
        }

        settings.ExitCode.Should().Be(0, output.ToString());
        output.ToString().Should().MatchRegex(@"\[once\] 400 customers: \d+ touches decided, \d+ suppressed, 0 failed");
    }

    [Test]
    public async Task Build_HostFactType_IsMatchedByTheWorkersOwnRule()
    {
        var (host, _) = WorkerHost.Build(["--once"], TextWriter.Null);
        using (host)
        {
            var evaluator = host.Services.GetRequiredService<IEngagementEvaluator>();
            var store = host.Services.GetRequiredService<FactStore>();

            var results = await evaluator.EvaluateAsync(store.ReadAsync(null, CancellationToken.None), 2, CancellationToken.None).ToListAsync();

            var tradeIns = results.SelectMany(r => r.Decisions.Select(d => d.RuleId).Concat(r.Suppressed.Select(s => s.Proposal.RuleId)))
                .Where(id => id == "trade-in-offer");
            tradeIns.Should().NotBeEmpty("the fact store adds appraisals, some above the rule's threshold");
        }
    }

    [Test]
    public async Task FactChanges_PublishedFacts_AreReadInOrder()
    {
        var changes = new FactChanges();
        var facts = new[] { Support.Given.For("C1"), Support.Given.For("C2") };
        using var cancel = new CancellationTokenSource();

        foreach (var f in facts)
        {
            await changes.PublishAsync(f, CancellationToken.None);
        }

        var read = await changes.ReadAllAsync(cancel.Token).Take(2).ToListAsync();

        read.Should().Equal(facts);
    }
}
