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
