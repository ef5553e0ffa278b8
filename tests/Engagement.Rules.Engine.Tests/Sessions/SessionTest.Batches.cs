using System;
using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>InsertAll propagates its facts as one change (see Session.InsertBatch).</summary>
public sealed partial class SessionTest
{
    [Test]
    public void InsertAll_FactWithItsBlocker_NoMatchMadeAndUnmade()
    {
        var session = Session(NoVehicleRule());
        var events = new List<string>();
        session.Events.ActivationCreated += (_, e) => events.Add("created " + string.Join(",", e.Match.Facts));
        session.Events.ActivationDeleted += (_, e) => events.Add("deleted " + string.Join(",", e.Match.Facts));

        // One by one, Customer#1 would match until its vehicle arrives; as one batch it never does.
        session.InsertAll([new Customer(1), new Customer(2), new Vehicle(9, 1)]);

        events.Should().Equal("created Customer#2");
    }

    [Test]
    public void InsertAll_IntoSessionWithMatches_JoinsNewFactsWithOldAndNewOnce()
    {
        var rule = new RuleBuilder("owns")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Match<Visit>("s", (Visit s, Vehicle v) => s.VehicleId == v.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        session.InsertAll([new Customer(1), new Vehicle(7, 1), new Visit(1, 7)]);

        // New facts at every level, joining old facts and each other.
        session.InsertAll([new Visit(2, 7), new Vehicle(8, 1), new Visit(3, 8), new Customer(2), new Vehicle(9, 2), new Visit(4, 9)]);

        session.GetAgenda().Select(m => string.Join(",", m.Facts)).Should().BeEquivalentTo(
            "Customer#1,Vehicle#7,Visit(c1, v7)",
            "Customer#1,Vehicle#7,Visit(c2, v7)",
            "Customer#1,Vehicle#8,Visit(c3, v8)",
            "Customer#2,Vehicle#9,Visit(c4, v9)");
    }

    [Test]
    public void InsertAll_FactReachingTwoPatternsOfOneRule_EachPairOnce()
    {
        var rule = new RuleBuilder("older-sibling")
            .Match<Vehicle>("a")
            .Match<Vehicle>("b", (Vehicle b, Vehicle a) => b.OwnerId == a.OwnerId && b.Year < a.Year)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        session.Insert(new Vehicle(1, 1, 2018));

        session.InsertAll([new Vehicle(2, 1, 2020), new Vehicle(3, 1, 2016)]);

        session.GetAgenda().Select(m => string.Join(",", m.Facts)).Should().BeEquivalentTo(
            "Vehicle#1,Vehicle#3",
            "Vehicle#2,Vehicle#1",
            "Vehicle#2,Vehicle#3");
    }

    [Test]
    public void InsertAll_Batch_SameMatchesAndFiringsAsOneByOne()
    {
        var rule = new RuleBuilder("owner-without-visit")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Not<Visit>("s", (Visit s, Vehicle v) => s.VehicleId == v.Id)
            .Action((IActionContext ctx) => ctx.Insert(new Note("due", ((Vehicle)ctx.Facts[1]).Id)))
            .Build();
        object[] Facts() =>
        [
            new Vehicle(7, 1), new Customer(1), new Vehicle(8, 1), new Visit(1, 7), new Customer(2), new Vehicle(9, 2),
        ];

        var batch = Session(rule);
        batch.InsertAll(Facts());
        batch.Fire();
        var oneByOne = Session(rule);
        foreach (var fact in Facts())
        {
            oneByOne.Insert(fact);
        }

        oneByOne.Fire();

        batch.Query<Note>().Select(n => n.ToString()).Should().BeEquivalentTo(oneByOne.Query<Note>().Select(n => n.ToString()))
            .And.HaveCount(2);
    }

    /// <summary>What makes a batch fail its checks, after <paramref name="count"/> good new facts.</summary>
    private static object?[] FailingBatch(string failure, Customer existing, int count)
    {
        var batch = Enumerable.Range(100, count).Select(i => (object?)new Customer(i)).ToList();
        switch (failure)
        {
            case "duplicate of a fact in the session":
                batch.Add(existing);
                break;
            case "duplicate within the batch":
                batch.Add(batch[0]);
                break;
            default:
                batch.Add(null);
                break;
        }

        return [.. batch];
    }

    // 3 new facts are checked in their type's run of facts found by reference, 40 also by their own hash (past FactLookup.TypeRun).
    [TestCase("duplicate of a fact in the session", 3)]
    [TestCase("duplicate of a fact in the session", 40)]
    [TestCase("duplicate within the batch", 3)]
    [TestCase("duplicate within the batch", 40)]
    [TestCase("null", 3)]
    [TestCase("null", 40)]
    public void InsertAll_FailedBatchesRepeated_KeepNoPooledEntriesAndLeaveTheSessionAsBefore(string failure, int count)
    {
        // Before: every failed batch kept the pooled fact entries it had taken for its facts (up to the one that
        // failed), so a host retrying bad batches grew the state by one entry per fact per attempt.
        var log = new Log();
        var compiled = RuleCompiler.Compile([LogRule("r", log)]);
        var session = compiled.CreateSession();
        var state = ((Runtime.SessionHandle)session).PeekState!;
        var existing = new Customer(1);
        session.Insert(existing);
        var batch = FailingBatch(failure, existing, count);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            ((Action)(() => session.InsertAll(batch!))).Should().Throw<Exception>().Which.Should().Match(e => e is FactException || e is ArgumentException);
            state.FactEntriesTaken.Should().Be(1, "a failed batch gives back every entry it took (attempt {0})", attempt + 1);
        }

        session.Query<Customer>().Should().Equal(existing);
        session.InsertAll(batch.Take(count)!);
        state.FactEntriesTaken.Should().Be(count + 1, "one entry per fact in the session");
        session.Fire().Should().Be(count + 1, "the facts of the failed batches were never in the session, and now are");
        session.Dispose();

        using var next = compiled.CreateSession();
        ((Runtime.SessionHandle)next).PeekState.Should().BeSameAs(state, "a failed batch leaves the state poolable");
        next.InsertAll(batch.Take(count)!);
        next.Fire().Should().Be(count);
    }
}
