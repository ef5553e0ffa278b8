using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Engine;
using static Engagement.Rules.Benchmarks.Engine.RuleKit;

namespace Engagement.Rules.Benchmarks.Engine;

/// <summary>A two-fact equality join, N facts on each side, each left fact joining exactly one right fact.</summary>
[MemoryDiagnoser]
public class JoinBenchmark
{
    private CompiledRuleSet _rules = null!;
    private object[] _facts = null!;

    [Params(100, 1000)]
    public int PerSide { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var l = Decl<Left>("l");
        var r = Decl<Right>("r");
        _rules = RuleCompiler.Compile([Rule("join", 0, NoOp(), Pattern<Left>(l), Pattern(r, Join<Right, Left>(r, l, (x, y) => x.Key == y.Key)))]);
        _facts = Enumerable.Range(0, PerSide).Select(n => (object)new Left(n, n))
            .Concat(Enumerable.Range(0, PerSide).Select(n => (object)new Right(n, n)))
            .ToArray();
    }

    [Benchmark]
    public int InsertAndFire()
    {
        using var session = _rules.CreateSession();
        session.InsertAll(_facts);
        return session.Fire();
    }
}
