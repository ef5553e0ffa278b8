using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Benchmarks.Engine.Dealership;

/// <summary>
/// The 20 dealership rules with many customers in one session (11 facts each): the time per customer should stay
/// flat as customers are added, because every join is on the customer or vehicle id.
/// </summary>
[MemoryDiagnoser]
public class DealershipScaleBenchmark
{
    // About 23 firings per customer: the loop guard's default (10,000 per Fire) is meant for one customer's session.
    private static readonly SessionOptions Options = new() { MaxFiringsPerFire = int.MaxValue };

    // A host running large sessions back to back lets the pooled state keep what the last one built.
    private static readonly SessionOptions Retaining = Options with { MaxRetainedPerKind = 1 << 20 };

    private CompiledRuleSet _rules = null!;
    private object[] _facts = null!;

    [Params(1, 100, 1000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleCompiler.Compile(DealershipRules.All());
        _facts = DealershipData.Customers(Customers);
        DealershipCheck.EngineAgreesWithHandWritten(_rules, DealershipData.Customers(System.Math.Min(Customers, 10)));
    }

    [Benchmark(Baseline = true)]
    public int OneSession() => Run(Options);

    [Benchmark]
    public int OneSessionRetaining() => Run(Retaining);

    private int Run(SessionOptions options)
    {
        using var session = _rules.CreateSession(options);
        session.InsertAll(_facts);
        session.Fire();
        return session.Query<Decision>().Count();
    }
}
