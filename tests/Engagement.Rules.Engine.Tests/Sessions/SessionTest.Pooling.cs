using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    private static RuleDefinition[] PoolingRules() =>
    [
        new RuleBuilder("owns").Match<Customer>("c").Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c, Vehicle v) => ctx.Insert(new Note($"{c.Id}-{v.Id}", c.Id))).Build(),
        new RuleBuilder("idle").Match<Customer>("c").Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c) => ctx.Insert(new Note($"idle {c.Id}", c.Id))).Build(),
        new RuleBuilder("count").Match<Customer>("c").Count<Note>("n", "x", (Note x, Customer c) => x.CustomerId == c.Id)
            .Action((IActionContext ctx, Customer c, int n) => ctx.InsertLinked(new Counter(c.Id, n))).Build(),
    ];

    private static string RunPooled(CompiledRuleSet compiled, int customers, int vehicles, SessionOptions? options = null)
    {
        using var session = compiled.CreateSession(options);
        session.InsertAll(Enumerable.Range(1, customers).Select(i => (object)new Customer(i)));
        session.InsertAll(Enumerable.Range(1, vehicles).Select(i => (object)new Vehicle(i, (i % (customers + 1)) + 1)));
        session.Fire();
        return string.Join(";", session.Query<Note>().Select(n => n.Text)) + "|"
            + string.Join(";", session.Query<Counter>().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Value}"));
    }

    [Test]
    public void CreateSession_AfterDisposedSessions_SameResultsAsAFreshRuleSet()
    {
        var pooled = RuleCompiler.Compile(PoolingRules());

        // Sessions of varied sizes, each on the state the previous one left in the pool (big ones build indexes).
        var sizes = new[] { (3, 5), (40, 60), (1, 0), (12, 30), (40, 60), (2, 1) };
        var results = sizes.Select(s => RunPooled(pooled, s.Item1, s.Item2)).ToArray();

        var fresh = sizes.Select(s => RunPooled(RuleCompiler.Compile(PoolingRules()), s.Item1, s.Item2)).ToArray();
        results.Should().Equal(fresh);
        results[2].Should().Be("idle 1|1:1", "a reused state starts with no facts, tokens or agenda");
    }

    [Test]
    public void CreateSession_RetentionLimits_SameResultsWhateverTheStateKept()
    {
        var pooled = RuleCompiler.Compile(PoolingRules());

        // Limits below, at and far above what the sessions build: a state trimmed by a small limit, one that kept
        // everything a large session made, and one that keeps nothing all serve the next session alike.
        var runs = new[] { (40, 60, 100_000), (40, 60, 100_000), (12, 30, 10), (40, 60, 0), (3, 5, 100_000), (40, 60, 10), (2, 1, 4096) };
        var results = runs.Select(r => RunPooled(pooled, r.Item1, r.Item2, new SessionOptions { MaxRetainedPerKind = r.Item3 })).ToArray();

        var fresh = runs.Select(r => RunPooled(RuleCompiler.Compile(PoolingRules()), r.Item1, r.Item2)).ToArray();
        results.Should().Equal(fresh);
    }

    [Test]
    public void CreateSession_InvalidOptions_ThrowsNamingEverySetting()
    {
        var compiled = RuleCompiler.Compile(PoolingRules());

        var act = () => compiled.CreateSession(new SessionOptions { MaxFiringsPerFire = -1, MaxRetainedPerKind = -5 });

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*MaxFiringsPerFire must be positive (was -1)*MaxRetainedPerKind must not be negative (was -5)*");
    }

    [Test]
    public void SessionOptions_GetErrorsAndValidate_SameCheckAsCreateSession()
    {
        var invalid = new SessionOptions { MaxFiringsPerFire = 0, MaxRetainedPerKind = -1 };

        invalid.GetErrors().Should().Equal("MaxFiringsPerFire must be positive (was 0).", "MaxRetainedPerKind must not be negative (was -1).");
        invalid.Invoking(o => o.Validate()).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxFiringsPerFire*MaxRetainedPerKind*");
        SessionOptions.Default.GetErrors().Should().BeEmpty();
        new SessionOptions { MaxRetainedPerKind = 0 }.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Test]
    public void Dispose_ThenAnyMember_ThrowsObjectDisposed()
    {
        var session = Session(PoolingRules());
        session.Dispose();

        var calls = new Action[]
        {
            () => session.Insert(new Customer(1)),
            () => session.InsertAll([new Customer(2)]),
            () => session.TryInsert(new Customer(3)),
            () => session.Update(new Customer(1)),
            () => session.Retract(new Customer(1)),
            () => session.Fire(),
            () => session.GetAgenda(),
            () => session.Query<Customer>(),
            () => _ = session.Events,
        };

        foreach (var call in calls)
        {
            call.Should().Throw<ObjectDisposedException>();
        }

        session.Invoking(s => s.Dispose()).Should().NotThrow("disposing twice is harmless");
    }

    [Test]
    public void Dispose_MatchReadAfterwards_ThrowsInsteadOfShowingAnotherSession()
    {
        var compiled = RuleCompiler.Compile(PoolingRules());
        var first = compiled.CreateSession();
        first.Insert(new Customer(1));
        var match = first.GetAgenda().Single(m => m.Rule.Id == "idle");
        first.Dispose();

        // The next session reuses the state (and the tokens) the match pointed into.
        using var second = compiled.CreateSession();
        second.Insert(new Customer(2));

        match.Rule.Id.Should().Be("idle", "the rule is not session state");
        match.Invoking(m => m.Facts).Should().Throw<ObjectDisposedException>().WithMessage("*'idle'*disposed*");
        match.ToString().Should().Be("idle(disposed session)");
    }

    [Test]
    public void Dispose_MatchKeptFromAnAction_ThrowsInsteadOfShowingAnotherSession()
    {
        // Activations are reused by the next session on a pooled state, except those handed out as an IMatch.
        var kept = new List<IMatch>();
        var rule = new RuleBuilder("keep").Match<Customer>("c").Action((IActionContext ctx, Customer c) => kept.Add(ctx.Match)).Build();
        var compiled = RuleCompiler.Compile([rule]);
        using (var first = compiled.CreateSession())
        {
            first.Insert(new Customer(1));
            first.Fire();
        }

        using var second = compiled.CreateSession();
        second.Insert(new Customer(2));
        second.Fire();

        kept.Should().HaveCount(2);
        kept[0].Invoking(m => m.Facts).Should().Throw<ObjectDisposedException>("the first session is over, whatever the second one did");
        kept[1].Facts.Should().ContainSingle().Which.Should().BeOfType<Customer>().Which.Id.Should().Be(2);
    }

    [Test]
    public void Dispose_MatchKeptFromAnEvent_ThrowsInsteadOfShowingAnotherSession()
    {
        var compiled = RuleCompiler.Compile(PoolingRules());
        var created = new List<IMatch>();
        using (var first = compiled.CreateSession())
        {
            first.Events.ActivationCreated += (_, e) => created.Add(e.Match);
            first.Insert(new Customer(1));
        }

        // Several sessions on the pooled state, with matches of the same rule, none of them exposed.
        for (var i = 2; i < 5; i++)
        {
            using var next = compiled.CreateSession();
            next.Insert(new Customer(i));
            next.Fire();
        }

        created.Select(m => m.Rule.Id).Should().BeEquivalentTo("idle", "count");
        foreach (var match in created)
        {
            match.Invoking(m => m.Facts).Should().Throw<ObjectDisposedException>();
            match.ToString().Should().Be($"{match.Rule.Id}(disposed session)");
        }
    }

    [Test]
    public void Dispose_FromAnAction_Throws()
    {
        ISession? session = null;
        var rule = new RuleBuilder("r").Match<Customer>("c").Action((IActionContext ctx, Customer c) => session!.Dispose()).Build();
        session = Session(rule);
        session.Insert(new Customer(1));

        var act = () => session.Fire();

        act.Should().Throw<RuleActionException>().WithInnerException<InvalidOperationException>().WithMessage("*disposed from a rule action*");
    }

    [Test]
    public void Dispose_EventHandlersOfTheDisposedSession_NotCalledByTheNext()
    {
        var compiled = RuleCompiler.Compile(PoolingRules());
        var inserted = new List<object>();
        var first = compiled.CreateSession();
        first.Events.FactInserted += (_, e) => inserted.Add(e.Fact);
        first.Insert(new Customer(1));
        first.Dispose();

        using var second = compiled.CreateSession();
        second.Insert(new Customer(2));

        inserted.Should().ContainSingle().Which.Should().BeOfType<Customer>().Which.Id.Should().Be(1);
    }

    [Test]
    public void Dispose_AfterAFailedCondition_NextSessionUnaffected()
    {
        var boom = new RuleBuilder("boom").Match<Customer>("c", c => 10 / (c.Id - 99) > 0)
            .Action((IActionContext ctx, Customer c) => ctx.Insert(new Note("boom", c.Id))).Build();
        var compiled = RuleCompiler.Compile([.. PoolingRules(), boom]);
        var failing = compiled.CreateSession();
        failing.Insert(new Customer(2));
        failing.Invoking(s => s.Insert(new Customer(99))).Should().Throw<RuleConditionException>();
        failing.Dispose();

        RunPooled(compiled, 3, 2).Should().Be(RunPooled(RuleCompiler.Compile([.. PoolingRules(), boom]), 3, 2));
    }

    [Test]
    public void Dispose_WithMaxRetainedPerKindZero_KeepsNoReferenceToTheSessionsFacts()
    {
        var compiled = RuleCompiler.Compile(PoolingRules());

        var facts = RunAndForget(compiled, new SessionOptions { MaxRetainedPerKind = 0 });
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The pooled state lives on in the rule set; nothing in it may still reach the customer's facts.
        facts.Where(f => f.IsAlive).Should().BeEmpty();
        compiled.CreateSession().Dispose();
    }

    [Test]
    public void Retract_CountedFactOnAnOwnerThatServedAMaxBefore_CountsDown()
    {
        // Aggregate owners are pooled across aggregate nodes: the state an owner kept for a max in one session must
        // not take part in the count it serves in the next.
        var compiled = RuleCompiler.Compile(
        [
            new RuleBuilder("newest").Match<Vehicle>("v")
                .Aggregate<Vehicle>("year", AggregateKind.Max, "o", (Vehicle o) => o.Year, [(Vehicle o, Vehicle v) => o.OwnerId == v.OwnerId])
                .Action((IActionContext ctx, Vehicle v, int year) => ctx.InsertLinked(new Counter(v.Id, year))).Build(),
            new RuleBuilder("notes").Match<Customer>("c").Count<Note>("n", "x", (Note x, Customer c) => x.CustomerId == c.Id)
                .Action((IActionContext ctx, Customer c, int n) => ctx.InsertLinked(new Counter(c.Id, n))).Build(),
        ]);
        using (var first = compiled.CreateSession())
        {
            first.Insert(new Vehicle(1, 1, 2021));
            first.Fire();
        }

        using var session = compiled.CreateSession();
        var notes = new[] { new Note("a", 1), new Note("b", 1) };
        session.Insert(new Customer(1));
        session.InsertAll(notes);
        session.Fire();
        session.Retract(notes[0]);
        session.Fire();

        session.Query<Counter>().Select(c => c.Value).Should().Equal(1);
    }

    [Test]
    public void Dispose_SmallerLimitAfterARetainedSession_KeepsNoReferenceToTheRetainedSessionsFacts()
    {
        var compiled = RuleCompiler.Compile(PoolingRules());
        var facts = RunAndForget(compiled, new SessionOptions { MaxRetainedPerKind = 100_000 });

        // An empty session with a small limit ends on the state that kept everything: it lets go of all of it.
        compiled.CreateSession(new SessionOptions { MaxRetainedPerKind = 1 }).Dispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        facts.Where(f => f.IsAlive).Should().BeEmpty();
        RunPooled(compiled, 3, 2).Should().Be(RunPooled(RuleCompiler.Compile(PoolingRules()), 3, 2));
    }

    // Out of line, so that no local of the test keeps the facts alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference[] RunAndForget(CompiledRuleSet compiled, SessionOptions options)
    {
        object[] facts = [new Customer(1), new Vehicle(1, 1), new Vehicle(2, 1), new Note("x", 1)];
        using (var session = compiled.CreateSession(options))
        {
            session.InsertAll(facts);
            session.Fire();
            session.Retract(facts[2]);
            session.Fire();
        }

        return [.. facts.Select(f => new WeakReference(f))];
    }
}
