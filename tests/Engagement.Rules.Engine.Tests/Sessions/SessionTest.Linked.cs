using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>
/// Linked facts (truth maintenance): a linked fact lives as long as some match supports it, whatever the order of
/// inserts and retractions inside a firing; an equal fact from another match is one more support, not a duplicate.
/// </summary>
public sealed partial class SessionTest
{
    /// <summary>Links a counter of the customer (identity: the customer id) to every match of a vehicle of theirs.</summary>
    private static RuleDefinition VehicleCounterRule(string id = "per-vehicle", int value = 0) =>
        new RuleBuilder(id)
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Counter(c.Id, value)))
            .Build();

    /// <summary>rule-a: a note 'a' while there is no note 'b'; rule-b: a note 'b' while there is a note 'a' (both linked).</summary>
    private static RuleDefinition[] ChasingRules() =>
    [
        new RuleBuilder("rule-a")
            .Match<Customer>("c")
            .Not<Note>("b", (Note b, Customer c) => b.Text == "b" && b.CustomerId == c.Id)
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Note("a", c.Id)))
            .Build(),
        new RuleBuilder("rule-b")
            .Match<Customer>("c")
            .Match<Note>("a", (Note a, Customer c) => a.Text == "a" && a.CustomerId == c.Id)
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Note("b", c.Id)))
            .Build(),
    ];

    [Test]
    public void InsertLinked_SameFactFromManyMatchesInAnIndexedSession_TakesOneEntryPerFact()
    {
        // The insert files a new entry as its duplicate check: an entry taken for a fact already there was never
        // given back, so each repeated linked insert used up one more pooled entry.
        var session = Session(VehicleCounterRule());
        var state = ((Runtime.SessionHandle)session).PeekState!;
        session.InsertAll([new Customer(1), .. Enumerable.Range(1, 20).Select(i => (object)new Vehicle(i, 1))]);

        session.Fire().Should().Be(20);

        session.Query<Counter>().Should().ContainSingle();
        state.FactEntriesTaken.Should().Be(session.Query<object>().Count(), "one entry per fact in the session, none for the 19 repeats");
    }

    [Test]
    public void InsertLinked_InsertRemovesTheFiringMatchThroughAnotherLinkedFact_LoopStoppedByTheGuard()
    {
        // Inserting b takes a's support away, so b loses its own: b must not outlive the match of rule-b that
        // produced it, and the two rules chase each other.
        var session = RuleCompiler.Compile(ChasingRules()).CreateSession(new SessionOptions { MaxFiringsPerFire = 40 });
        session.Insert(new Customer(1));

        var act = () => session.Fire();

        act.Should().Throw<RuleLoopException>().Which.RuleIds.Should().BeEquivalentTo("rule-a", "rule-b");
    }

    [Test]
    public void InsertLinked_InsertRemovesTheFiringMatchThroughAnotherLinkedFact_NoFactOutlivesItsMatch()
    {
        var session = Session(ChasingRules());
        session.Insert(new Customer(1));

        // Two firings: a, then b (which takes a away, and with it b's own support).
        session.Fire(2).Should().Be(2);

        session.Query<Note>().Should().BeEmpty();
        AgendaRules(session).Should().Equal("rule-a");
    }

    [Test]
    public void InsertLinked_RuleBlocksItself_FactRetractedAndTheLoopStoppedByTheGuard()
    {
        var self = new RuleBuilder("self")
            .Match<Customer>("c")
            .Not<Note>("n", (Note n, Customer c) => n.CustomerId == c.Id)
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Note("n", c.Id)))
            .Build();
        var session = RuleCompiler.Compile([self]).CreateSession(new SessionOptions { MaxFiringsPerFire = 20 });
        session.Insert(new Customer(1));

        session.Fire(1).Should().Be(1);
        session.Query<Note>().Should().BeEmpty("the note's only support went away as it was inserted");
        AgendaRules(session).Should().Equal("self");

        var act = () => session.Fire();
        act.Should().Throw<RuleLoopException>().Which.RuleIds.Should().Equal("self");
    }

    [Test]
    public void InsertLinked_EqualFactFromTwoMatches_OneFactRetractedWithItsLastSupport()
    {
        var session = Session(VehicleCounterRule());
        var first = new Vehicle(1, 1);
        var second = new Vehicle(2, 1);
        session.InsertAll([new Customer(1), first, second]);

        session.Fire().Should().Be(2);
        session.Query<Counter>().Should().Equal(new Counter(1, 0));

        session.Retract(first);
        session.Query<Counter>().Should().Equal([new Counter(1, 0)], "the second vehicle's match still supports it");

        session.Retract(second);
        session.Query<Counter>().Should().BeEmpty();
    }

    [Test]
    public void InsertLinked_EqualFactFromTwoRules_RetractedWhenBothMatchesAreGone()
    {
        var gold = new RuleBuilder("gold").Match<Customer>("c", c => c.Tier == "gold")
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Counter(c.Id, 0))).Build();
        var adult = new RuleBuilder("adult").Match<Customer>("c", c => c.Age >= 18)
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Counter(c.Id, 0))).Build();
        var session = Session(gold, adult);
        var customer = new Customer(1, "gold") { Age = 30 };
        session.Insert(customer);

        session.Fire().Should().Be(2);
        session.Query<Counter>().Should().ContainSingle();

        customer.Tier = "silver";
        session.Update(customer);
        session.Fire();
        session.Query<Counter>().Should().ContainSingle("the rule 'adult' still supports it");

        customer.Age = 10;
        session.Update(customer);
        session.Query<Counter>().Should().BeEmpty();
    }

    [Test]
    public void InsertLinked_EqualFactWithOtherValues_TheFactInTheSessionKept()
    {
        var session = Session(VehicleCounterRule("low", 1), VehicleCounterRule("high", 2));
        session.InsertAll([new Customer(1), new Vehicle(1, 1)]);

        session.Fire();

        session.Query<Counter>().Should().Equal(new Counter(1, 1));
    }

    [Test]
    public void InsertLinked_MatchFiresAgainAndProducesTheFactAgain_SupportNotCountedTwice()
    {
        var session = Session(VehicleCounterRule());
        var first = new Vehicle(1, 1);
        var second = new Vehicle(2, 1);
        session.InsertAll([new Customer(1), first, second]);
        session.Fire();

        // The first vehicle's match changes and fires again: it keeps supporting the counter once, not twice.
        first.Year = 2024;
        session.Update(first);
        session.Fire().Should().Be(1);
        session.Retract(second);
        session.Retract(first);

        session.Query<Counter>().Should().BeEmpty();
    }

    [Test]
    public void InsertLinked_MatchFiresAgainWithoutTheFact_OtherSupportKeepsIt()
    {
        var produce = true;
        System.Action<IActionContext, Customer, Vehicle> action = (ctx, c, v) =>
        {
            if (produce || v.Id == 2)
            {
                ctx.InsertLinked(new Counter(c.Id, 0));
            }
        };
        var rule = new RuleBuilder("maybe")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c, Vehicle v) => action(ctx, c, v))
            .Build();
        var session = Session(rule);
        var first = new Vehicle(1, 1);
        var second = new Vehicle(2, 1);
        session.InsertAll([new Customer(1), first, second]);
        session.Fire();

        produce = false;
        first.Year = 2024;
        session.Update(first);
        session.Fire();
        session.Query<Counter>().Should().ContainSingle("the second vehicle's match still supports it");

        session.Retract(second);
        session.Query<Counter>().Should().BeEmpty();
    }

    [Test]
    public void InsertLinked_FactStatedByTheHost_LeftStatedAndNotLinked()
    {
        var session = Session(VehicleCounterRule());
        var vehicle = new Vehicle(1, 1);
        session.InsertAll([new Customer(1), new Counter(1, 5), vehicle]);

        session.Fire().Should().Be(1);
        session.Retract(vehicle);

        session.Query<Counter>().Should().Equal(new Counter(1, 5));
    }

    [Test]
    public void TryInsert_FactOnlyLinked_BecomesStated()
    {
        var session = Session(VehicleCounterRule());
        var vehicle = new Vehicle(1, 1);
        session.InsertAll([new Customer(1), vehicle]);
        session.Fire();

        session.TryInsert(new Counter(1, 0)).Should().BeFalse();
        session.Retract(vehicle);

        session.Query<Counter>().Should().ContainSingle("the host stated it");
    }

    [Test]
    public void TryInsert_FromAnActionOnAFactAnotherRuleLinked_BecomesStated()
    {
        var results = new System.Collections.Generic.List<bool>();
        var stated = new RuleBuilder("stated").Priority(-1)
            .Match<Customer>("c", c => c.Tier == "gold")
            .Action((IActionContext ctx, Customer c) => results.Add(ctx.TryInsert(new Counter(c.Id, 0))))
            .Build();
        var session = Session(VehicleCounterRule(), stated);
        var vehicle = new Vehicle(1, 1);
        session.InsertAll([new Customer(1, "gold"), vehicle]);

        session.Fire().Should().Be(2);
        session.Retract(vehicle);

        results.Should().Equal(false);
        session.Query<Counter>().Should().ContainSingle();
    }

    [Test]
    public void TryInsert_FromAnAction_InsertsAndSecondIsANoOp()
    {
        var results = new System.Collections.Generic.List<bool>();
        var rule = new RuleBuilder("note").Match<Vehicle>("v")
            .Action((IActionContext ctx, Vehicle v) => results.Add(ctx.TryInsert(new Counter(v.OwnerId, 0))))
            .Build();
        var session = Session(rule);
        session.InsertAll([new Vehicle(1, 1), new Vehicle(2, 1)]);

        session.Fire().Should().Be(2);

        results.Should().Equal(true, false);
        session.Query<Counter>().Should().ContainSingle();
    }

    [Test]
    public void InsertLinked_FactRetractedByAnotherRuleAndInsertedAgain_OldSupportsDoNotRetractTheNewOne()
    {
        var session = Session(VehicleCounterRule());
        var vehicle = new Vehicle(1, 1);
        session.InsertAll([new Customer(1), vehicle]);
        session.Fire();

        // The host takes the linked fact away and states an equal one: the old match's support was for the old fact.
        session.Retract(new Counter(1, 0));
        session.Insert(new Counter(1, 7));
        session.Retract(vehicle);

        session.Query<Counter>().Should().Equal(new Counter(1, 7));
    }

    [Test]
    public void InsertLinked_SameFactTwiceInOneFiring_OneSupport()
    {
        var rule = new RuleBuilder("twice").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Counter(c.Id, 0)))
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Counter(c.Id, 0)))
            .Build();
        var session = Session(rule);
        var customer = new Customer(1);
        session.Insert(customer);
        session.Fire();
        session.Query<Counter>().Should().ContainSingle();

        session.Retract(customer);

        session.Query<Counter>().Should().BeEmpty();
        session.Query<object>().Should().BeEmpty();
    }

    [Test]
    public void InsertLinked_ManyMatchesSupportOneFact_RetractedOnlyWithTheLast()
    {
        var session = Session(VehicleCounterRule());
        var vehicles = Enumerable.Range(1, 5).Select(i => new Vehicle(i, 1)).ToList();
        session.InsertAll([new Customer(1), .. vehicles]);
        session.Fire().Should().Be(5);

        foreach (var vehicle in vehicles)
        {
            session.Query<Counter>().Should().ContainSingle();
            session.Retract(vehicle);
        }

        session.Query<Counter>().Should().BeEmpty();
    }
    [Test]
    public void InsertLinked_AfterAnInsertThatRemovedAndRevivedTheFiringMatch_FactLinkedToTheRevivedMatch()
    {
        // The oldest vehicle is the exists' witness: inserting an older one moves the witness, which removes the
        // match and brings it back within the insert. The match holds throughout, so its linked note is made,
        // and it goes with the match.
        var rule = new RuleBuilder("has-vehicle")
            .Match<Customer>("c")
            .Exists(b => b
                .Match<Vehicle>("v1", (Vehicle v1, Customer c) => v1.OwnerId == c.Id)
                .Not<Vehicle>("v2", (Vehicle v2, Customer c, Vehicle v1) => v2.OwnerId == c.Id && v2.Year < v1.Year))
            .Action((IActionContext ctx, Customer c) => ctx.Insert(new Vehicle(9, c.Id, 1990)))
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Note("owner", c.Id)))
            .Build();
        var session = Session(rule);
        var customer = new Customer(1);
        session.InsertAll([customer, new Vehicle(1, 1, 2020)]);

        session.Fire().Should().Be(1);
        session.Query<Note>().Should().Equal(new Note("owner", 1));

        session.Retract(customer);
        session.Query<Note>().Should().BeEmpty();
    }
}
