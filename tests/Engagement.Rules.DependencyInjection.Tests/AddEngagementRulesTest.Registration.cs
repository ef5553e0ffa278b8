using System;
using System.Linq;
using System.Threading.Tasks;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Rules.DependencyInjection.Tests;

public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void AddEngagementRules_Evaluator_IsOneSingletonOverTheProvidersRules()
    {
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()));

        var first = provider.GetRequiredService<IEngagementEvaluator>();
        using (var scope = provider.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<IEngagementEvaluator>().Should().BeSameAs(first);
        }

        provider.GetRequiredService<IEngagementEvaluator>().Should().BeSameAs(first);
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        rules.Generation.Should().Be(1);
        rules.Current.Rules.Select(r => r.Id).Should().Equal("trade-in-offer");
        provider.GetRequiredService<EngagementTelemetry>().Should().NotBeNull();
    }

    [Test]
    public void AddEngagementRules_EvaluatorSharedAcrossThreads_GivesTheSameResultsAsOneThread()
    {
        using var provider = Services.Build(o => o.AddRuleText("trade-in.yaml", Given.TradeInRule()));
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var customers = Enumerable.Range(0, 64)
            .Select(i => Given.For($"C{i}", new TradeInAppraisal($"C{i}", i % 2 == 0 ? 900_000 : 100_000)))
            .ToArray();
        var sequential = customers.Select(c => evaluator.Evaluate(c, Given.Now).Decisions.Select(d => d.IdempotencyKey).ToArray()).ToArray();

        var parallel = new string[customers.Length][];
        Parallel.For(0, customers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            parallel[i] = evaluator.Evaluate(customers[i], Given.Now).Decisions.Select(d => d.IdempotencyKey).ToArray());

        parallel.Should().BeEquivalentTo(sequential, o => o.WithStrictOrdering());
        sequential.Count(keys => keys.Length == 1).Should().Be(32);
    }

    [Test]
    public void AddEngagementRules_CalledTwice_Throws()
    {
        var services = new ServiceCollection();
        services.AddEngagementRules(o => o.AddRuleText("a.yaml", Given.TradeInRule()));

        var again = () => services.AddEngagementRules(o => o.AddRuleText("b.yaml", Given.TradeInRule()));

        again.Should().Throw<InvalidOperationException>().WithMessage("*already called*");
    }

    [Test]
    public void AddEngagementRules_ClockRegisteredInContainer_IsUsedWhenOptionsHaveNone()
    {
        var clock = new NodaTime.Testing.FakeClock(Given.Now);
        var services = new ServiceCollection();
        services.AddSingleton<NodaTime.IClock>(clock);
        services.AddEngagementRules(o =>
        {
            o.AddFactType<Rules.Facts.Customer>("Customer");
            o.AddFactType<TradeInAppraisal>("TradeInAppraisal");
            o.AddRuleText("trade-in.yaml", Given.TradeInRule());
        });
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<IEngagementEvaluator>().Evaluate(Given.For("C1", new TradeInAppraisal("C1", 900_000)));

        result.EvaluatedAt.Should().Be(clock.GetCurrentInstant());
    }

    [Test]
    public void AddEmbeddedRules_ResourcesUnderPrefix_AreLoaded()
    {
        using var provider = Services.Build(o => o.AddEmbeddedRules(typeof(AddEngagementRulesTest).Assembly, "Engagement.Rules.DependencyInjection.Tests.EmbeddedRules."));

        provider.GetRequiredService<IEngagementRuleSetProvider>().Current.Rules.Select(r => r.Id).Should().Equal("embedded-trade-in");
    }
}
