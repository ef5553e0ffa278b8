using System.Linq;
using System.Threading;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    private static RuleDefinition LogRule(string id, Log log, int priority = 0, RuleRepeatability repeatability = RuleRepeatability.Repeatable)
    {
        var builder = new RuleBuilder(id).Priority(priority)
            .Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => log.Add($"{id}:{c.Id}"));
        if (repeatability == RuleRepeatability.NonRepeatable)
        {
            builder.NonRepeatable();
        }

        return builder.Build();
    }

    [Test]
    public void Fire_Priorities_HigherFirstThenRuleOrderThenCreationOrder()
    {
        var log = new Log();
        var session = Session(LogRule("low", log, 0), LogRule("b-high", log, 5), LogRule("a-high", log, 5));

        session.InsertAll([new Customer(2), new Customer(1)]);
        AgendaRules(session).Should().Equal("b-high", "b-high", "a-high", "a-high", "low", "low");
        session.Fire();

        log.Entries.Should().Equal("b-high:2", "b-high:1", "a-high:2", "a-high:1", "low:2", "low:1");
    }

    [Test]
    public void Fire_Refraction_MatchFiresOnceUntilItChanges()
    {
        var log = new Log();
        var session = Session(LogRule("r", log));
        session.Insert(new Customer(1));

        session.Fire().Should().Be(1);
        session.Fire().Should().Be(0);

        log.Entries.Should().ContainSingle();
        session.GetAgenda().Should().BeEmpty();
    }

    [Test]
    public void Update_FactOfFiredMatch_RepeatableFiresAgain_NonRepeatableDoesNot()
    {
        var log = new Log();
        var session = Session(LogRule("again", log), LogRule("once", log, repeatability: RuleRepeatability.NonRepeatable));
        var customer = new Customer(1);
        session.Insert(customer);
        session.Fire();

        customer.Age = 40;
        session.Update(customer);
        AgendaRules(session).Should().Equal("again");
        session.Fire();

        log.Entries.Should().Equal("again:1", "once:1", "again:1");
    }

    [Test]
    public void Update_FactOfPendingMatch_KeepsOneActivationInPlace()
    {
        var log = new Log();
        var session = Session(LogRule("r", log));
        var first = new Customer(1);
        session.InsertAll([first, new Customer(2)]);

        session.Update(first);

        session.GetAgenda().Select(m => m.Facts[0]).Should().Equal(first, session.Query<Customer>().Last());
    }

    [Test]
    public void Update_FactsOfPendingMatches_TheyStillFireInCreationOrder()
    {
        var log = new Log();
        var session = Session(LogRule("r", log));
        var customers = new[] { new Customer(1), new Customer(2), new Customer(3), new Customer(4) };
        session.InsertAll(customers);

        // Each updated match is the same match (same place on the agenda), not a new one queued last.
        session.Update(customers[1]);
        session.Update(customers[0]);
        session.Fire();

        log.Entries.Should().Equal("r:1", "r:2", "r:3", "r:4");
    }

    [Test]
    public void Fire_MostPendingMatchesWithdrawnThenMoreArrive_TheRestFireOnceInOrder()
    {
        var log = new Log();
        var session = Session(LogRule("r", log));
        var first = Enumerable.Range(1, 100).Select(i => new Customer(i)).ToList();
        session.InsertAll(first);

        // Withdrawn matches stay on the agenda as stale entries until it makes room by dropping them.
        foreach (var customer in first.Where(c => c.Id % 10 != 0))
        {
            session.Retract(customer);
        }

        session.InsertAll(Enumerable.Range(101, 100).Select(i => (object)new Customer(i)));
        session.Fire();

        log.Entries.Should().Equal(Enumerable.Range(1, 200).Where(i => i > 100 || i % 10 == 0).Select(i => $"r:{i}"));
    }

    [Test]
    public void Update_FactNoLongerMatches_ActivationRemoved()
    {
        var log = new Log();
        var rule = new RuleBuilder("gold").Match<Customer>("c", c => c.Tier == "gold")
            .Action((IActionContext ctx, Customer c) => log.Add(c.Tier)).Build();
        var session = Session(rule);
        var customer = new Customer(1, "gold");
        session.Insert(customer);

        customer.Tier = "silver";
        session.Update(customer);

        session.Fire().Should().Be(0);
    }

    [Test]
    public void Update_JoinKeyMutatedInPlace_MatchesMoveWithIt()
    {
        var rule = new RuleBuilder("owns")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var customers = Enumerable.Range(1, 12).Select(i => new Customer(i)).ToArray();
        var vehicles = Enumerable.Range(1, 12).Select(i => new Vehicle(i, i)).ToArray();
        session.InsertAll(customers);
        session.InsertAll(vehicles);

        vehicles[0].OwnerId = 2;
        session.Update(vehicles[0]);

        session.GetAgenda().Should().HaveCount(12)
            .And.ContainSingle(m => m.Facts[1] == vehicles[0]).Which.Facts[0].Should().Be(customers[1]);
    }

    [Test]
    public void Retract_AfterFiring_ActivationDeletedEventRaised()
    {
        var log = new Log();
        var session = Session(LogRule("r", log));
        var deleted = 0;
        session.Events.ActivationDeleted += (_, _) => deleted++;
        var customer = new Customer(1);
        session.Insert(customer);
        session.Fire();

        session.Retract(customer);

        deleted.Should().Be(1);
    }

    [Test]
    public void Fire_ForwardChaining_InsertedFactActivatesOtherRules()
    {
        var log = new Log();
        var greet = new RuleBuilder("greet").Match<Customer>("c", c => c.Tier == "gold")
            .Action((IActionContext ctx, Customer c) => ctx.Insert(new Note("hello", c.Id))).Build();
        var send = new RuleBuilder("send").Match<Note>("n")
            .Action((IActionContext ctx, Note n) => log.Add(n.Text + n.CustomerId)).Build();
        var session = Session(send, greet);
        session.Insert(new Customer(7, "gold"));

        session.Fire().Should().Be(2);

        log.Entries.Should().Equal("hello7");
    }

    [Test]
    public void InsertLinked_MatchRetracted_LinkedFactRetracted()
    {
        var rule = new RuleBuilder("note").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Note("n", c.Id))).Build();
        var session = Session(rule);
        var customer = new Customer(1);
        session.Insert(customer);
        session.Fire();
        session.Query<Note>().Should().ContainSingle();

        session.Retract(customer);

        session.Query<Note>().Should().BeEmpty();
    }

    [Test]
    public void InsertLinked_MatchUpdatedAndFiredAgain_LinkedFactReplaced()
    {
        var rule = new RuleBuilder("note").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Note(c.Tier, c.Id))).Build();
        var session = Session(rule);
        var customer = new Customer(1);
        session.Insert(customer);
        session.Fire();

        customer.Tier = "gold";
        session.Update(customer);
        session.Fire();

        session.Query<Note>().Should().Equal(new Note("gold", 1));
    }

    [Test]
    public void InsertLinked_SameIdentityProducedAgain_FactUpdatedNotDuplicated()
    {
        var rule = new RuleBuilder("count").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => ctx.InsertLinked(new Counter(c.Id, c.Age))).Build();
        var session = Session(rule);
        var updates = 0;
        session.Events.FactUpdated += (_, _) => updates++;
        var customer = new Customer(1);
        session.Insert(customer);
        session.Fire();

        customer.Age = 5;
        session.Update(customer);
        session.Fire();

        session.Query<Counter>().Should().Equal(new Counter(1, 5));
        updates.Should().Be(2);
    }

    [Test]
    public void Halt_StopsAfterCurrentAction()
    {
        var log = new Log();
        var rule = new RuleBuilder("halt").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => log.Add(c.ToString()))
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);
        session.InsertAll([new Customer(1), new Customer(2)]);

        session.Fire().Should().Be(1);
        session.Fire().Should().Be(1);

        log.Entries.Should().Equal("Customer#1", "Customer#2");
    }

    [Test]
    public void Fire_WithMax_FiresAtMostThatMany()
    {
        var log = new Log();
        var session = Session(LogRule("r", log));
        session.InsertAll(Enumerable.Range(1, 5).Select(i => (object)new Customer(i)));

        session.Fire(2).Should().Be(2);
        session.GetAgenda().Should().HaveCount(3);
        session.Fire(0).Should().Be(0);
        session.Fire(10).Should().Be(3);
    }

    [Test]
    public void Fire_Cancelled_StopsBetweenFirings()
    {
        using var cancellation = new CancellationTokenSource();
        var rule = new RuleBuilder("cancel").Match<Customer>("c")
            .Action((IActionContext ctx) => cancellation.Cancel()).Build();
        var session = Session(rule);
        session.InsertAll([new Customer(1), new Customer(2)]);

        session.Fire(cancellation.Token).Should().Be(1);

        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void Fire_RulesLoop_ThrowsNamingTheLoopingRules()
    {
        var ping = new RuleBuilder("ping").Match<Counter>("n", n => n.Value % 2 == 0)
            .Action((IActionContext ctx, Counter n) => ctx.Update(new Counter(n.Id, n.Value + 1))).Build();
        var pong = new RuleBuilder("pong").Match<Counter>("n", n => n.Value % 2 == 1)
            .Action((IActionContext ctx, Counter n) => ctx.Update(new Counter(n.Id, n.Value + 1))).Build();
        var quiet = new RuleBuilder("quiet").Match<Customer>("c").Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = RuleCompiler.Compile([quiet, ping, pong]).CreateSession(new SessionOptions { MaxFiringsPerFire = 50 });
        session.Insert(new Counter(1, 0));

        var act = () => session.Fire();

        act.Should().Throw<RuleLoopException>()
            .Which.RuleIds.Should().BeEquivalentTo("ping", "pong");
    }

    [Test]
    public void CreateSession_NonPositiveLimit_Throws()
    {
        var compiled = RuleCompiler.Compile([LogRule("r", new Log())]);

        var act = () => compiled.CreateSession(new SessionOptions { MaxFiringsPerFire = 0 });

        act.Should().Throw<System.ArgumentOutOfRangeException>();
    }

    [Test]
    public void GetAgenda_ReturnsMatchesWithValues()
    {
        var rule = LogRule("r", new Log());
        var session = Session(rule);
        var customer = new Customer(1);
        session.Insert(customer);

        var match = session.GetAgenda().Should().ContainSingle().Subject;

        match.Rule.Should().BeSameAs(rule);
        match.GetValue(((PatternElement)rule.LeftHandSide.Elements[0]).Declaration).Should().BeSameAs(customer);
        var act = () => match.GetValue(new Declaration("x", typeof(int)));
        act.Should().Throw<System.ArgumentException>().WithMessage("*'x'*");
    }
}
