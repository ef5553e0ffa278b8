using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Benchmarks.Engine.Dealership;

/// <summary>
/// The 20 dealership rules over one customer's 11 facts, per customer as a host would run them: create a session,
/// insert the facts, fire, read the decisions. The baseline is the same logic hand-written in plain C#.
/// </summary>
[MemoryDiagnoser]
public class DealershipBenchmark
{
    private CompiledRuleSet _rules = null!;
    private object[] _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleCompiler.Compile(DealershipRules.All());
        _facts = DealershipData.Customer(1);
        DealershipCheck.EngineAgreesWithHandWritten(_rules, _facts);
    }

    [Benchmark(Baseline = true)]
    public int HandWritten() => HandWrittenDealership.Decide(_facts).Count;

    [Benchmark]
    public int Engine()
    {
        using var session = _rules.CreateSession();
        session.InsertAll(_facts);
        session.Fire();
        return session.Query<Decision>().Count();
    }

    [Benchmark]
    public void CreateSessionOnly()
    {
        using var session = _rules.CreateSession();
    }
}
