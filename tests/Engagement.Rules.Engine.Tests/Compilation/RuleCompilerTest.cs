using System;
using System.Linq;
using System.Linq.Expressions;
using System.Threading.Tasks;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Sessions;

namespace Engagement.Rules.Engine.Tests.Compilation;

public sealed partial class RuleCompilerTest
{
    private static ActionElement Noop() =>
        new(Expression.Lambda(Expression.Empty(), Expression.Parameter(typeof(IActionContext), "ctx")), []);

    [Test]
    public void Compile_InvalidRules_ListsEveryProblemWithRuleId()
    {
        var c = new Declaration("c", typeof(Customer));
        var stranger = new Declaration("v", typeof(Vehicle));
        var v = new Declaration("v", typeof(Vehicle));
        Expression<Func<Vehicle, Vehicle, bool>> join = (x, y) => x.Id == y.Id;
        Expression<Func<Customer, int>> age = x => x.Age;
        var unbound = new RuleDefinition(
            "unbound",
            new AndElement([new PatternElement(c), new PatternElement(v, [new ConditionElement(join, [v, stranger])])]),
            [Noop()]);
        var badBinding = new RuleDefinition(
            "bad-binding",
            new AndElement([new PatternElement(c), new BindingElement(new Declaration("n", typeof(string)), age, [c])]),
            [Noop()]);
        var duplicate = new RuleDefinition(
            "unbound",
            new AndElement([new PatternElement(new Declaration("c", typeof(Customer))), new PatternElement(new Declaration("c", typeof(Vehicle)))]),
            [Noop()]);

        var act = () => RuleCompiler.Compile([unbound, badBinding, duplicate]);

        var errors = act.Should().Throw<RuleCompilationException>().Which.Errors;
        errors.Should().Contain(e => e.RuleId == "unbound" && e.Message.Contains("'c'", StringComparison.Ordinal) && e.Message.Contains("two different", StringComparison.Ordinal));
        errors.Should().Contain(e => e.RuleId == "unbound" && e.Message.Contains("not bound before", StringComparison.Ordinal));
        errors.Should().Contain(e => e.RuleId == "bad-binding" && e.Message.Contains("cannot receive", StringComparison.Ordinal));
        errors.Should().Contain(e => e.RuleId == "unbound" && e.Message.Contains("id is used by another rule", StringComparison.Ordinal));
    }

    [Test]
    public void Compile_RulesDifferingOnlyInConstants_EachKeepsItsOwnConstants()
    {
        // One compiled shape serves all of these (join tests and actions differ only in constants and captures).
        var log = new Log();
        var rules = new[] { 2010, 2015, 2020 }.Select(year => new RuleBuilder("newer-than-" + year)
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id && v.Year > year)
            .Action((IActionContext ctx, Customer c, Vehicle v) => log.Add($"{year}:{c.Id}:{v.Id}"))
            .Build()).ToArray();
        var session = RuleCompiler.Compile(rules).CreateSession();

        session.InsertAll([new Customer(1), new Vehicle(10, 1, 2012), new Vehicle(11, 1, 2018), new Vehicle(12, 1, 2021)]);
        session.Fire();

        log.Entries.Should().BeEquivalentTo(
            "2010:1:10", "2010:1:11", "2010:1:12",
            "2015:1:11", "2015:1:12",
            "2020:1:12");
    }

    [Test]
    public void Compile_SameRulesTwice_GivesTheSameNetwork()
    {
        RuleDefinition[] Rules() => new[] { 1, 2, 3 }.Select(n => new RuleBuilder("r" + n)
            .Match<Customer>("c", c => c.Age > n)
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id && v.Year > 2000 + n)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build()).ToArray();

        RuleCompiler.Compile(Rules()).DumpNetwork().Should().Be(RuleCompiler.Compile(Rules()).DumpNetwork());
    }

    [Test]
    public void Compile_ActionUsesDeclarationInsideNot_IsRejected()
    {
        var rule = new RuleBuilder("leak")
            .Match<Customer>("c")
            .Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var v = ((PatternElement)((NotElement)rule.LeftHandSide.Elements[1]).Source).Declaration;
        var action = new ActionElement((Expression<Action<IActionContext, Vehicle>>)((ctx, x) => ctx.Halt()), [v]);
        var leaking = new RuleDefinition("leak", rule.LeftHandSide, [action]);

        var act = () => RuleCompiler.Compile([leaking]);

        act.Should().Throw<RuleCompilationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("an action refers to 'v'");
    }

    [Test]
    public void Compile_AggregateResultTypeMismatch_IsRejected()
    {
        var c = new Declaration("c", typeof(Customer));
        var source = new PatternElement(new Declaration("v", typeof(Vehicle)));
        var rule = new RuleDefinition(
            "count",
            new AndElement([new PatternElement(c), new AggregateElement(new Declaration("n", typeof(string)), AggregateKind.Count, source)]),
            [Noop()]);

        var act = () => RuleCompiler.Compile([rule]);

        act.Should().Throw<RuleCompilationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("produces Int32");
    }

    [Test]
    public void DumpNetwork_IdenticalConditions_AreShared()
    {
        RuleDefinition Rule(string id) => new RuleBuilder(id)
            .Match<Customer>("c", c => c.Tier == "gold")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();

        var dump = RuleCompiler.Compile([Rule("one"), Rule("two")]).DumpNetwork();

        dump.Should().Contain("rules: one, two");
        dump.Split('\n').Count(l => l.Contains("test c => (c.Tier == \"gold\")", StringComparison.Ordinal)).Should().Be(1);
        dump.Split('\n').Count(l => l.Contains("terminal", StringComparison.Ordinal)).Should().Be(2);
    }

    [Test]
    public void DumpNetwork_SameAggregateOtherConditionsOnItsValue_SharesTheAggregate()
    {
        RuleDefinition Rule(string id, System.Linq.Expressions.Expression<Func<int, bool>> condition) => new RuleBuilder(id)
            .Match<Customer>("c")
            .Aggregate<Visit>("n", AggregateKind.Count, "s", null, [(Visit s, Customer c) => s.CustomerId == c.Id], [condition])
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();

        var dump = RuleCompiler.Compile([Rule("one", n => n >= 1), Rule("two", n => n >= 2), Rule("three", n => n >= 1)]).DumpNetwork();

        dump.Split('\n').Count(l => l.Contains("aggregate Count of s: Visit", StringComparison.Ordinal)).Should().Be(1, "the visits are counted once for all three rules");
        dump.Should().Contain("aggregate Count of s: Visit rules: one, two, three");
        dump.Split('\n').Count(l => l.Contains("value where", StringComparison.Ordinal)).Should().Be(2, "rules one and three ask the same of the count");
    }

    [Test]
    public void DumpNetwork_ShowsConditionalNodesAndTerminals()
    {
        var rule = new RuleBuilder("r")
            .Match<Customer>("c")
            .Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Count<Visit>("n", "s", (Visit s, Customer c) => s.CustomerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();

        var dump = RuleCompiler.Compile([rule]).DumpNetwork();

        dump.Should().Contain("not v: Vehicle").And.Contain("aggregate Count of s: Visit").And.Contain("terminal rule 'r'");
    }

    [Test]
    public void DumpNetwork_NotWithoutAPatternAfterIt_AddsNoLevel()
    {
        RuleBuilder NoVehicle(string id) => new RuleBuilder(id)
            .Match<Customer>("c")
            .Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id);
        var passing = NoVehicle("passing").Action((IActionContext ctx) => ctx.Halt()).Build();
        var owning = NoVehicle("owning")
            .Match<Visit>("s", (Visit s, Customer c) => s.CustomerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();

        var dump = RuleCompiler.Compile([passing, owning]).DumpNetwork();

        dump.Should().Contain("L1 not v: Vehicle rules: passing", "the not passes its left token through")
            .And.Contain("L1 terminal rule 'passing'")
            .And.Contain("L2 not v: Vehicle rules: owning", "a join below needs the not's own tokens");
    }

    [Test]
    public void DumpNetwork_PassThroughNotOverAnAggregate_ShowsTheAggregateOnceUnderIt()
    {
        // The sub-network of a pass-through not hangs below the not's parent; the dump shows it as the not's source.
        var rule = new RuleBuilder("r")
            .Match<Customer>("c")
            .Not(b => b.Count<Visit>("n", "s", (Visit s, Customer c) => s.CustomerId == c.Id))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();

        var lines = RuleCompiler.Compile([rule]).DumpNetwork().Split('\n');

        var not = Array.FindIndex(lines, l => l.Contains("not Count n", StringComparison.Ordinal));
        not.Should().BePositive();
        lines[not + 1].Trim().Should().Be("source:");
        lines[not + 2].Should().Contain("aggregate Count of s: Visit");
        lines.Count(l => l.Contains("aggregate Count of s: Visit", StringComparison.Ordinal)).Should().Be(1);
    }

    [Test]
    public void CreateSession_ManySessionsInParallel_SameResultsAsSequential()
    {
        var rules = new[]
        {
            new RuleBuilder("owns").Match<Customer>("c").Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
                .Action((IActionContext ctx, Customer c, Vehicle v) => ctx.Insert(new Note($"{c.Id}-{v.Id}", c.Id))).Build(),
            new RuleBuilder("count").Match<Customer>("c").Count<Note>("n", "x", (Note x, Customer c) => x.CustomerId == c.Id)
                .Action((IActionContext ctx, Customer c, int n) => ctx.InsertLinked(new Counter(c.Id, n))).Build(),
        };
        var compiled = RuleCompiler.Compile(rules);

        // Sessions are disposed, so pooled states pass between threads and runs.
        string Run(int seed)
        {
            using var session = compiled.CreateSession();
            var customers = Enumerable.Range(1, 3 + (seed % 4)).Select(i => new Customer(i)).ToList();
            session.InsertAll(customers);
            session.InsertAll(Enumerable.Range(1, 10 + seed % 7).Select(i => (object)new Vehicle(i, (i % customers.Count) + 1)));
            session.Fire();
            return string.Join(";", session.Query<Counter>().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Value}"))
                + "|" + string.Join(";", session.Query<Note>().Select(n => n.Text));
        }

        var sequential = Enumerable.Range(0, 40).Select(Run).ToArray();
        var parallel = new string[40];
        Parallel.For(0, 40, i => parallel[i] = Run(i));

        parallel.Should().Equal(sequential);
        sequential[0].Should().Contain("1:");
    }
}
