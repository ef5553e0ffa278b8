using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using static Engagement.Rules.Benchmarks.Engine.RuleKit;

namespace Engagement.Rules.Benchmarks.Engine;

/// <summary>
/// Incremental change in a warm session of 10 groups and 1,000 items (a join rule and a count per group): update
/// 10 items then fire, and retract 10 items, insert them back, then fire.
/// </summary>
[MemoryDiagnoser]
public class ChangeBenchmark
{
    private ISession _session = null!;
    private Item[] _changed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var g = Decl<Group>("g");
        var i = Decl<Item>("i");
        var count = Decl<int>("count");
        var rules = RuleCompiler.Compile(
        [
            Rule("join", 0, NoOp(), Pattern<Group>(g), Pattern(i, Join<Item, Group>(i, g, (x, y) => x.GroupId == y.Id), Test<Item>(i, x => x.Value % 2 == 0))),
            Rule(
                "count",
                0,
                NoOp(),
                Pattern<Group>(g),
                new AggregateElement(count, AggregateKind.Count, Pattern(i, Join<Item, Group>(i, g, (x, y) => x.GroupId == y.Id)))),
        ]);
        var items = Enumerable.Range(0, 1000).Select(n => new Item(n, n % 10, n)).ToArray();
        _changed = items.Where((_, n) => n % 100 == 0).ToArray();
        _session = rules.CreateSession();
        _session.InsertAll(Enumerable.Range(0, 10).Select(n => (object)new Group(n, n)).Concat(items));
        _session.Fire();
    }

    [Benchmark]
    public int UpdateAndFire()
    {
        foreach (var item in _changed)
        {
            item.Value++;
            _session.Update(item);
        }

        return _session.Fire();
    }

    [Benchmark]
    public int RetractInsertAndFire()
    {
        foreach (var item in _changed)
        {
            _session.Retract(item);
        }

        foreach (var item in _changed)
        {
            _session.Insert(item);
        }

        return _session.Fire();
    }
}
