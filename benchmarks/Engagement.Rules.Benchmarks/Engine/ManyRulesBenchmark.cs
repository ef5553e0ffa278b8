using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using static Engagement.Rules.Benchmarks.Engine.RuleKit;

namespace Engagement.Rules.Benchmarks.Engine;

/// <summary>
/// Many rules sharing patterns (a group kind test shared by every tenth rule, the same join everywhere) over 10
/// groups and 100 items: node sharing in the compiler and the cost per rule at run time.
/// </summary>
[MemoryDiagnoser]
public class ManyRulesBenchmark
{
    private List<RuleDefinition> _definitions = null!;
    private CompiledRuleSet _rules = null!;
    private object[] _facts = null!;

    [Params(10, 100, 1000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _definitions = [];
        for (var n = 0; n < Rules; n++)
        {
            var kind = n % 10;
            var threshold = n % 7;
            var g = Decl<Group>("g");
            var i = Decl<Item>("i");
            _definitions.Add(Rule(
                "rule-" + n.ToString(CultureInfo.InvariantCulture),
                n % 3,
                NoOp(),
                Pattern<Group>(g, x => x.Kind == kind),
                Pattern(i, Join<Item, Group>(i, g, (x, y) => x.GroupId == y.Id), Test<Item>(i, x => x.Value > threshold))));
        }

        _rules = RuleCompiler.Compile(_definitions);
        _facts = Enumerate().ToArray();
    }

    [Benchmark]
    public CompiledRuleSet Compile() => RuleCompiler.Compile(_definitions);

    [Benchmark]
    public int InsertAndFire()
    {
        using var session = _rules.CreateSession();
        session.InsertAll(_facts);
        return session.Fire();
    }

    private static IEnumerable<object> Enumerate()
    {
        for (var n = 0; n < 10; n++)
        {
            yield return new Group(n, n);
        }

        for (var n = 0; n < 100; n++)
        {
            yield return new Item(n, n % 10, n % 10);
        }
    }
}
