namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>Propagation order: a fact entering a sub-network and a later pattern at once yields each match once.</summary>
public sealed partial class SessionTest
{
    [Test]
    public void Exists_FactCompletesSubNetworkAndLaterPattern_OneMatch()
    {
        var rule = new RuleBuilder("r")
            .Exists(b => b.Match<Customer>("c").Match<Vehicle>("v"))
            .Match<Vehicle>("p")
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);

        session.Insert(new Customer(1));
        session.Insert(new Vehicle(2, 1));

        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void ForAll_SatisfiedByTheTypeOfALaterPattern_OneMatch()
    {
        var rule = new RuleBuilder("r")
            .ForAll(b => b.Match<Customer>("c"), p => p.Match<Vehicle>("v"))
            .Match<Vehicle>("q")
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);

        session.Insert(new Customer(1));
        session.Insert(new Vehicle(2, 1));

        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void ForAll_OverOneTypeHoldingThroughARetract_DoesNotFireAgain()
    {
        var rule = new RuleBuilder("r")
            .ForAll(b => b.Match<Vehicle>("b"), p => p.Match<Vehicle>("c"))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var vehicle = new Vehicle(1, 1);

        session.Fire().Should().Be(1);
        session.Insert(vehicle);
        session.Fire().Should().Be(0);
        session.Retract(vehicle);

        session.GetAgenda().Should().BeEmpty();
    }
}

public sealed partial class SessionTest
{
    [Test]
    public void ForAll_InsertKeepingItTrue_DoesNotFireAgain()
    {
        var rule = new RuleBuilder("r")
            .ForAll(b => b.Match<Vehicle>("f1"), p => p.Match<Vehicle>("f2", (Vehicle f2, Vehicle f1) => f2.Year == f1.Year))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        session.Insert(new Vehicle(1, 1, 2001));
        session.Fire().Should().Be(1);

        session.Insert(new Vehicle(2, 1, 2002));
        session.Insert(new Vehicle(3, 1, 2001));

        session.GetAgenda().Should().BeEmpty();
    }

    [Test]
    public void Update_FactSeenOnlyThroughExists_DoesNotFireAgain()
    {
        var log = new Log();
        var rule = new RuleBuilder("has-vehicle")
            .Match<Customer>("c")
            .Exists<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c) => log.Add("fired"))
            .Build();
        var session = Session(rule);
        var customer = new Customer(1);
        var vehicle = new Vehicle(1, 1);
        session.InsertAll([customer, vehicle]);
        session.Fire();

        vehicle.Year = 2024;
        session.Update(vehicle);
        session.Fire().Should().Be(0);

        session.Update(customer);
        session.Fire().Should().Be(1);
        log.Entries.Should().HaveCount(2);
    }

    [Test]
    public void Update_FactMakesNotFalseThenTrueAgain_InOneUpdateNothingChanges()
    {
        var log = new Log();
        var rule = new RuleBuilder("no-vehicle")
            .Match<Customer>("c")
            .Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c) => log.Add("fired"))
            .Build();
        var session = Session(rule);
        var vehicle = new Vehicle(1, 2);
        session.InsertAll([new Customer(1), vehicle]);
        session.Fire().Should().Be(1);

        vehicle.OwnerId = 1;
        session.Update(vehicle);
        session.GetAgenda().Should().BeEmpty();

        vehicle.OwnerId = 3;
        session.Update(vehicle);
        session.Fire().Should().Be(1, "the match went away and came back: a new match");
    }
}

public sealed partial class SessionTest
{
    [Test]
    public void ForAll_InnerPatternWithOwnTestOnBaseType_InsertKeepingItTrue_DoesNotFireAgain()
    {
        var rule = new RuleBuilder("r")
            .ForAll(b => b.Match<Vehicle>("a"), p => p.Match<Vehicle>("c", c => c.Year <= 2002))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        session.Fire().Should().Be(1);

        session.Insert(new Vehicle(1, 1, 2001));

        session.GetAgenda().Should().BeEmpty();
    }
}
