using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Engine;
using static Engagement.Rules.Benchmarks.Engine.RuleKit;

namespace Engagement.Rules.Benchmarks.Engine;

/// <summary>A one-pattern rule with a constant test, half the facts matching: the alpha network and the agenda.</summary>
[MemoryDiagnoser]
public class OneFactRuleBenchmark
{
    private CompiledRuleSet _rules = null!;
    private object[] _facts = null!;

    [Params(10, 100, 1000)]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var i = Decl<Item>("i");
        _rules = RuleCompiler.Compile([Rule("even", 0, NoOp(), Pattern<Item>(i, x => x.Value % 2 == 0))]);
        _facts = Enumerable.Range(0, Facts).Select(n => (object)new Item(n, 0, n)).ToArray();
    }

    [Benchmark]
    public int InsertAndFire()
    {
        using var session = _rules.CreateSession();
        session.InsertAll(_facts);
        return session.Fire();
    }
}
