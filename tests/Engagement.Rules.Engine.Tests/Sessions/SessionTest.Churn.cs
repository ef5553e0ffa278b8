using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>
/// Long-lived facts whose matches come and go many times: removed tokens stay linked below their parent and from
/// their fact until those lists are compacted, and every later removal must still find exactly the live ones.
/// </summary>
public sealed partial class SessionTest
{
    private static RuleDefinition OwnsRule() => new RuleBuilder("owns")
        .Match<Customer>("c")
        .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
        .Action((IActionContext ctx) => ctx.Halt())
        .Build();

    private static string[] Owned(ISession session) =>
        session.GetAgenda().Select(m => string.Join("+", m.Facts)).Order().ToArray();

    [Test]
    public void Retract_ParentAfterManyChildrenCameAndWent_RemovesOnlyAndAllTheLiveOnes()
    {
        var session = Session(OwnsRule());
        var customer = new Customer(1);
        session.Insert(customer);
        var kept = new[] { new Vehicle(1, 1), new Vehicle(2, 1) };
        session.InsertAll(kept);

        // 500 vehicles arrive and leave below the same customer token, interleaved with the two that stay.
        for (var i = 0; i < 500; i++)
        {
            var passing = new Vehicle(100 + i, 1);
            session.Insert(passing);
            Owned(session).Should().HaveCount(3);
            session.Retract(passing);
        }

        Owned(session).Should().Equal("Customer#1+Vehicle#1", "Customer#1+Vehicle#2");
        session.Retract(customer);
        Owned(session).Should().BeEmpty();

        session.Insert(customer);
        Owned(session).Should().Equal("Customer#1+Vehicle#1", "Customer#1+Vehicle#2");
    }

    [Test]
    public void Retract_FactWhoseOtherMatchWasRebuiltManyTimes_RemovesAllItsCurrentMatches()
    {
        var serviced = new RuleBuilder("serviced")
            .Match<Visit>("s")
            .Match<Vehicle>("v", (Vehicle v, Visit s) => v.Id == s.VehicleId)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(OwnsRule(), serviced);
        var vehicle = new Vehicle(1, 1);
        var visit = new Visit(1, 1);
        session.InsertAll([new Customer(1), vehicle, visit]);

        // Each update of the visit removes the vehicle's "serviced" token and makes a new one; its "owns" token stays.
        // The vehicle's list of tokens keeps the removed ones until it is compacted, with the live one among them.
        for (var i = 0; i < 300; i++)
        {
            session.Update(visit);
            Owned(session).Should().Equal("Customer#1+Vehicle#1", "Visit(c1, v1)+Vehicle#1");
        }

        session.Retract(vehicle);
        Owned(session).Should().BeEmpty();
        session.Insert(new Vehicle(1, 1));
        Owned(session).Should().Equal("Customer#1+Vehicle#1", "Visit(c1, v1)+Vehicle#1");
    }
}
