using System;
using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    [Test]
    public void InsertAll_DuplicateWithinBatch_InsertsNothing()
    {
        var session = Session(LogRule("r", new Log()));
        var customer = new Customer(1);

        var act = () => session.InsertAll([new Customer(2), customer, customer]);

        act.Should().Throw<FactException>().Which.Fact.Should().BeSameAs(customer);
        session.Query<Customer>().Should().BeEmpty();
    }

    [Test]
    public void InsertAll_ManyFacts_IndexesJoinsAndFindsEveryMatch()
    {
        var rule = new RuleBuilder("owns")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Not<Visit>("s", (Visit s, Vehicle v) => s.VehicleId == v.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var customers = Enumerable.Range(1, 50).Select(i => (object)new Customer(i)).ToArray();
        var vehicles = Enumerable.Range(1, 200).Select(i => new Vehicle(i, (i % 50) + 1)).ToArray();

        session.InsertAll(customers);
        session.InsertAll(vehicles);
        session.InsertAll(vehicles.Where(v => v.Id % 2 == 0).Select(v => (object)new Visit(v.OwnerId, v.Id)));
        foreach (var vehicle in vehicles.Take(20))
        {
            session.Retract(vehicle);
        }

        session.GetAgenda().Select(m => ((Vehicle)m.Facts[1]).Id).Should()
            .BeEquivalentTo(vehicles.Skip(20).Where(v => v.Id % 2 == 1).Select(v => v.Id));
    }

    [Test]
    public void Fire_CalledFromAction_IsRefused()
    {
        ISession? inner = null;
        var rule = new RuleBuilder("nested").Match<Customer>("c")
            .Action((IActionContext ctx) => inner!.Fire()).Build();
        var session = Session(rule);
        inner = session;
        session.Insert(new Customer(1));

        var act = () => session.Fire();

        act.Should().Throw<RuleActionException>().Which.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    [Test]
    public void Let_Throws_WrappedAsConditionError()
    {
        var rule = new RuleBuilder("let").Match<Customer>("c")
            .Let<int>("n", (Customer c) => c.Tier.Length)
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);

        var act = () => session.Insert(new Customer(1) { Tier = null! });

        act.Should().Throw<RuleConditionException>().Which.RuleId.Should().Be("let");
    }

    [Test]
    public void RuleBuilder_UnknownParameterName_ThrowsWithRuleId()
    {
        var act = () => new RuleBuilder("typo")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer x) => v.OwnerId == x.Id);

        act.Should().Throw<ArgumentException>().WithMessage("*'typo'*'x'*");
    }

    [Test]
    public void Fire_ExistsOverOr_OneMatchWhileAnyAlternativeHolds()
    {
        var rule = new RuleBuilder("exists-or")
            .Match<Customer>("c")
            .Exists(b => b.Or(
                x => x.Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id),
                x => x.Match<Visit>("s", (Visit s, Customer c) => s.CustomerId == c.Id)))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var customer = new Customer(1);
        var vehicle = new Vehicle(10, 1);
        var visit = new Visit(1);
        session.InsertAll([customer, new Customer(2), new Vehicle(11, 3)]);
        AgendaRules(session).Should().BeEmpty("no alternative holds for either customer");

        session.InsertAll([vehicle, visit]);
        session.GetAgenda().Should().ContainSingle("both alternatives hold for customer 1, which is one match")
            .Which.Facts.Should().Equal(customer);
        session.Fire().Should().Be(1);

        session.Retract(vehicle);
        session.GetAgenda().Should().BeEmpty("the visit still holds: the match never went away");
        session.Retract(visit);
        session.Insert(new Visit(1, 5));
        AgendaRules(session).Should().Equal("exists-or");
    }

    [Test]
    public void Not_OverOr_BlocksWhenEitherAlternativeMatches()
    {
        var rule = new RuleBuilder("quiet")
            .Match<Customer>("c")
            .Not(b => b.Or(
                x => x.Match<Visit>("s", (Visit s, Customer c) => s.CustomerId == c.Id),
                x => x.Match<Note>("n", (Note n, Customer c) => n.CustomerId == c.Id)))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        session.Insert(new Customer(1));
        session.GetAgenda().Should().ContainSingle();

        var note = new Note("x", 1);
        session.Insert(note);
        session.GetAgenda().Should().BeEmpty();
        session.Retract(note);
        session.Insert(new Visit(1));
        session.GetAgenda().Should().BeEmpty();
    }

    [Test]
    public void GetAgenda_EmptyLeftHandSide_MatchesOnce()
    {
        var session = Session(new RuleBuilder("always").Action((IActionContext ctx) => ctx.Halt()).Build());

        session.GetAgenda().Should().ContainSingle().Which.Facts.Should().BeEmpty();
        session.Fire().Should().Be(1);
        session.Fire().Should().Be(0);
    }

    [Test]
    public void Insert_DerivedType_MatchesBaseTypePattern()
    {
        var rule = new RuleBuilder("any").Match<object>("o", o => o is Customer)
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);

        session.InsertAll([new Customer(1), new Vehicle(1, 1)]);

        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void Aggregate_UpdateOfCountedFact_CountUnchanged_NonRepeatableStaysFired()
    {
        var log = new Log();
        var rule = new RuleBuilder("fleet").NonRepeatable()
            .Match<Customer>("c")
            .Count<Vehicle>("n", "v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, int n) => log.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Build();
        var session = Session(rule);
        var vehicle = new Vehicle(1, 1);
        session.InsertAll([new Customer(1), vehicle]);
        session.Fire();

        session.Update(vehicle);
        session.Fire();
        session.Insert(new Vehicle(2, 1));
        session.Fire();

        log.Entries.Should().Equal("1", "2");
    }
}
