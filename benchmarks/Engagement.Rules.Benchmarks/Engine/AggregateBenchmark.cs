using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using static Engagement.Rules.Benchmarks.Engine.RuleKit;

namespace Engagement.Rules.Benchmarks.Engine;

/// <summary>Collect and count aggregates over many facts, per group (10 groups).</summary>
[MemoryDiagnoser]
public class AggregateBenchmark
{
    private CompiledRuleSet _collect = null!;
    private CompiledRuleSet _count = null!;
    private object[] _facts = null!;

    [Params(100, 1000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var g = Decl<Group>("g");
        var i = Decl<Item>("i");
        var all = Decl<IReadOnlyList<Item>>("all");
        var count = Decl<int>("count");
        PatternElement Source() => Pattern(i, Join<Item, Group>(i, g, (x, y) => x.GroupId == y.Id));
        _collect = RuleCompiler.Compile(
        [
            Rule(
                "collect",
                0,
                NoOp(),
                Pattern<Group>(g),
                new AggregateElement(all, AggregateKind.Collect, Source(), resultConditions: [Test<IReadOnlyList<Item>>(all, l => l.Count > 0)])),
        ]);
        _count = RuleCompiler.Compile(
        [
            Rule(
                "count",
                0,
                NoOp(),
                Pattern<Group>(g),
                new AggregateElement(count, AggregateKind.Count, Source(), resultConditions: [Test<int>(count, n => n > 0)])),
        ]);
        _facts = Enumerable.Range(0, 10).Select(n => (object)new Group(n, n))
            .Concat(Enumerable.Range(0, Items).Select(n => (object)new Item(n, n % 10, n)))
            .ToArray();
    }

    [Benchmark]
    public int Collect() => InsertAndFire(_collect);

    [Benchmark]
    public int Count() => InsertAndFire(_count);

    private int InsertAndFire(CompiledRuleSet rules)
    {
        using var session = rules.CreateSession();
        session.InsertAll(_facts);
        return session.Fire();
    }
}
