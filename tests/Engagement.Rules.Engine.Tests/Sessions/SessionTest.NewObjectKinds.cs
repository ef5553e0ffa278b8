using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>
/// The afternoon's new object kinds: not/exists that pass their left token through (state in Token.States), matches
/// made by a join right above its terminal (an activation that is the join's token), facts kept in a run per type.
/// </summary>
public sealed partial class SessionTest
{
    private static RuleDefinition[] PassingRules() =>
    [
        new RuleBuilder("no-visit").Match<Customer>("c")
            .Not<Visit>("s", (Visit s, Customer c) => s.CustomerId == c.Id)
            .Exists<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Note($"nv{c.Id}", c.Id))).Build(),
        new RuleBuilder("car-no-note").Match<Customer>("c").Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Not<Note>("n", (Note n, Customer c) => n.CustomerId == c.Id)
            .Action((IActionContext ctx, Customer c, Vehicle v) => ctx.Insert(new Visit(c.Id, v.Id))).Build(),
        new RuleBuilder("visited").Match<Visit>("s").Match<Customer>("c", (Customer c, Visit s) => c.Id == s.CustomerId)
            .Action((IActionContext ctx, Visit s, Customer c) => ctx.InsertLinked(new Counter(c.Id * 1000 + s.VehicleId, 1))).Build(),
    ];

    private static string RunPassing(CompiledRuleSet compiled, int customers, int vehicles, int retractEvery)
    {
        using var session = compiled.CreateSession();
        var cs = Enumerable.Range(1, customers).Select(i => new Customer(i)).ToArray();
        var vs = Enumerable.Range(1, vehicles).Select(i => new Vehicle(i, (i % (customers + 1)) + 1)).ToArray();
        session.InsertAll(cs);
        session.InsertAll(vs);
        session.Fire();
        for (var i = 0; i < vs.Length; i += retractEvery)
        {
            session.Retract(vs[i]);
        }

        session.Fire();
        foreach (var c in cs.Where(c => c.Id % 3 == 0))
        {
            session.Retract(c);
        }

        session.Fire();
        return string.Join(";", session.Query<Note>().Select(n => n.Text)) + "|" + string.Join(";", session.Query<Visit>().Select(v => v.ToString()))
            + "|" + string.Join(";", session.Query<Counter>().Select(c => c.Id));
    }

    private static void RetractThenLink(IActionContext ctx, Vehicle v)
    {
        ctx.Retract(v);
        ctx.InsertLinked(new Note("x"));
    }

    private static void UpdateThenLink(IActionContext ctx, Counter k)
    {
        ctx.Update(new Counter(k.Id, k.Value + 1));
        ctx.InsertLinked(new Note("x"));
    }

    [Test]
    public void CreateSession_PassThroughConditionsOnPooledStates_SameResultsAsFresh()
    {
        var pooled = RuleCompiler.Compile(PassingRules());
        var sizes = new[] { (3, 5, 2), (30, 40, 3), (1, 0, 1), (20, 50, 4), (5, 5, 1), (30, 40, 3) };
        var results = sizes.Select(s => RunPassing(pooled, s.Item1, s.Item2, s.Item3)).ToArray();
        var fresh = sizes.Select(s => RunPassing(RuleCompiler.Compile(PassingRules()), s.Item1, s.Item2, s.Item3)).ToArray();
        results.Should().Equal(fresh);
    }

    [Test]
    public void InsertLinked_AfterTheActionRetractedTheFactOfItsJoinMadeMatch_NothingLinked()
    {
        var session = Session(new RuleBuilder("r").Match<Customer>("c").Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Vehicle v) => RetractThenLink(ctx, v)).Build());
        session.InsertAll([new Customer(1), new Vehicle(1, 1)]);
        session.Fire().Should().Be(1);
        session.Query<Note>().Should().BeEmpty();
    }

    [Test]
    public void InsertLinked_AfterTheActionUpdatedTheFactOfItsJoinMadeMatch_LinkedUntilTheMatchGoes()
    {
        var session = Session(new RuleBuilder("r").Match<Customer>("c").Match<Counter>("k", (Counter k, Customer c) => k.Id == c.Id)
            .NonRepeatable().Action((IActionContext ctx, Counter k) => UpdateThenLink(ctx, k)).Build());
        session.InsertAll([new Customer(1), new Counter(1, 0)]);
        session.Fire();
        session.Query<Note>().Should().ContainSingle();
        session.Retract(new Counter(1, 5));
        session.Fire();
        session.Query<Note>().Should().BeEmpty();
    }

    [Test]
    public void InsertAll_PastTheTypeRunWithDuplicatesAndRetractions_EachFactFoundOnce()
    {
        var session = Session(new RuleBuilder("r").Match<Note>("n").Action((IActionContext ctx) => ctx.Halt()).Build());
        var notes = Enumerable.Range(0, 40).Select(i => new Note($"n{i}")).ToArray();
        session.InsertAll(notes.Take(20));
        session.Invoking(s => s.InsertAll([notes[25], notes[18]])).Should().Throw<FactException>();
        session.TryInsert(notes[25]).Should().BeTrue();
        for (var i = 0; i < 10; i++)
        {
            session.Retract(notes[i]);
        }

        session.TryInsert(notes[17]).Should().BeFalse();
        session.TryInsert(notes[25]).Should().BeFalse();
        session.InsertAll(notes.Skip(26));
        session.TryInsert(notes[19]).Should().BeFalse();
        session.Retract(notes[19]);
        session.TryRetract(notes[19]).Should().BeFalse();
        session.Query<Note>().Should().HaveCount(10 + 1 + 14 - 1);
        session.GetAgenda().Should().HaveCount(24);
    }
    [Test]
    public void Update_SelfBlockingNotThatPassesThrough_OnlyTheLargestOnTheAgenda()
    {
        var session = Session(new RuleBuilder("newest").Match<Counter>("a")
            .Not<Counter>("b", (Counter b, Counter a) => b.Value > a.Value)
            .Action((IActionContext ctx) => ctx.Halt()).Build());
        var rng = new Random(7);
        var current = new Dictionary<int, int>();
        for (var step = 0; step < 400; step++)
        {
            var id = rng.Next(6);
            var value = rng.Next(10);
            if (current.ContainsKey(id) && rng.Next(4) == 0)
            {
                session.Retract(new Counter(id, 0));
                current.Remove(id);
            }
            else if (current.ContainsKey(id))
            {
                session.Update(new Counter(id, value));
                current[id] = value;
            }
            else
            {
                session.Insert(new Counter(id, value));
                current[id] = value;
            }

            if (rng.Next(3) == 0)
            {
                session.Fire();
            }

            var max = current.Count == 0 ? -1 : current.Values.Max();
            var expected = current.Where(p => p.Value == max).Select(p => p.Key).OrderBy(k => k).ToArray();
            var agenda = session.GetAgenda().Select(m => ((Counter)m.Facts[0]).Id).OrderBy(k => k).ToArray();
            agenda.Should().BeSubsetOf(expected, $"step {step}");
        }
    }
}
