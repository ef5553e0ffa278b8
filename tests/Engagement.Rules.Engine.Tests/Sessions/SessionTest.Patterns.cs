using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    [Test]
    public void Fire_SinglePattern_FiresOncePerMatchingFact()
    {
        var log = new Log();
        var rule = new RuleBuilder("gold")
            .Match<Customer>("c", c => c.Tier == "gold")
            .Action((IActionContext ctx, Customer c) => log.Add(c.ToString()))
            .Build();
        var session = Session(rule);

        session.InsertAll([new Customer(1, "gold"), new Customer(2), new Customer(3, "gold")]);
        var fired = session.Fire();

        fired.Should().Be(2);
        log.Entries.Should().Equal("Customer#1", "Customer#3");
    }

    [Test]
    public void Fire_AlphaHashDispatch_RoutesEachFactToItsBranch()
    {
        var log = new Log();
        var tiers = new[] { "bronze", "silver", "gold", "platinum", "diamond" };
        var rules = tiers.Select(tier => new RuleBuilder("tier-" + tier)
            .Match<Customer>("c", c => c.Tier == tier)
            .Action((IActionContext ctx, Customer c) => log.Add(ctx.Match.Rule.Id + ":" + c.Id))
            .Build()).ToArray();
        var compiled = RuleCompiler.Compile(rules);
        var session = compiled.CreateSession();

        session.InsertAll([new Customer(1, "gold"), new Customer(2, "diamond"), new Customer(3, "none")]);
        session.Fire();

        log.Entries.Should().Equal("tier-gold:1", "tier-diamond:2");
        compiled.DumpNetwork().Should().Contain("hash dispatch on c => c.Tier (5 branches)");
    }

    [Test]
    public void Fire_HashJoin_MatchesOnlyEqualKeys()
    {
        var rule = new RuleBuilder("owns")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var fired = Fired(session);
        var customers = Enumerable.Range(1, 20).Select(i => new Customer(i)).ToArray();
        var vehicles = Enumerable.Range(1, 30).Select(i => new Vehicle(100 + i, (i % 10) + 1)).ToArray();

        session.InsertAll(customers);
        session.InsertAll(vehicles);

        var agenda = session.GetAgenda();
        agenda.Should().HaveCount(30);
        agenda.Should().OnlyContain(m => ((Vehicle)m.Facts[1]).OwnerId == ((Customer)m.Facts[0]).Id);
        fired.Should().BeEmpty();
        RuleCompiler.Compile([rule]).DumpNetwork().Should().Contain("hash[");
    }

    [Test]
    public void Fire_NonEqualityJoin_EvaluatesTheCondition()
    {
        var rule = new RuleBuilder("newer")
            .Match<Vehicle>("a")
            .Match<Vehicle>("b", (Vehicle b, Vehicle a) => b.Year > a.Year)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);

        session.InsertAll([new Vehicle(1, 0, 2018), new Vehicle(2, 0, 2020), new Vehicle(3, 0, 2019)]);

        session.GetAgenda().Select(m => $"{((Vehicle)m.Facts[0]).Id}<{((Vehicle)m.Facts[1]).Id}")
            .Should().BeEquivalentTo("1<2", "1<3", "3<2");
    }

    [Test]
    public void Insert_FactsInAnyOrder_SameMatches()
    {
        var rule = new RuleBuilder("owns")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var first = Session(rule);
        var second = Session(rule);
        var customer = new Customer(1);
        var vehicle = new Vehicle(7, 1);

        first.Insert(customer);
        first.Insert(vehicle);
        second.Insert(vehicle);
        second.Insert(customer);

        first.GetAgenda().Should().ContainSingle().Which.Facts.Should().Equal(customer, vehicle);
        second.GetAgenda().Should().ContainSingle().Which.Facts.Should().Equal(customer, vehicle);
    }

    [Test]
    public void Insert_SelfJoinOnOnePattern_NoDuplicateMatches()
    {
        var rule = new RuleBuilder("pairs")
            .Match<Vehicle>("a")
            .Match<Vehicle>("b")
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);

        session.Insert(new Vehicle(1, 0));
        session.Insert(new Vehicle(2, 0));

        session.GetAgenda().Should().HaveCount(4);
    }

    [Test]
    public void Retract_FactInMatch_RemovesActivation()
    {
        var rule = new RuleBuilder("owns")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var vehicle = new Vehicle(7, 1);
        session.InsertAll([new Customer(1), vehicle, new Vehicle(8, 1)]);

        session.Retract(vehicle);

        session.GetAgenda().Should().ContainSingle().Which.Facts[1].Should().BeOfType<Vehicle>().Which.Id.Should().Be(8);
    }

    [Test]
    public void Query_ReturnsFactsOfTypeInInsertionOrder()
    {
        var session = Session(new RuleBuilder("r").Match<Customer>("c").Action((IActionContext ctx) => ctx.Halt()).Build());
        var a = new Customer(1);
        var v = new Vehicle(2, 1);
        var b = new Customer(3);

        session.InsertAll([a, v, b]);
        session.Retract(a);
        session.Insert(a);

        session.Query<Customer>().Should().Equal(b, a);
        session.Query<object>().Should().Equal(v, b, a);
    }

    [Test]
    public void Query_ByInterfaceOrSealedType_ReturnsEveryFactOfIt()
    {
        var session = Session(new RuleBuilder("r").Match<Customer>("c").Action((IActionContext ctx) => ctx.Halt()).Build());
        var counter = new Counter(1, 2);
        var note = new Note("n");
        session.InsertAll([new Customer(1), counter, note, new Counter(2, 3)]);

        session.Query<IFactIdentity>().Should().Equal(counter, new Counter(2, 3));
        session.Query<Note>().Should().Equal(note);
        session.Query<string>().Should().BeEmpty();
    }
}
