using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    // Enough facts on both sides for the join's hash indexes to be built (JoinNode.IndexThreshold is 32).
    private const int Indexed = 120;

    private const int JoinNodeIndexThreshold = 32;

    [Test]
    public void Agenda_IntegerKeyJoinPastTheIndexThreshold_SameMatchesAsBruteForce()
    {
        var rule = new RuleBuilder("owns").Match<Customer>("c").Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);
        var customers = Enumerable.Range(1, Indexed).Select(i => new Customer(i)).ToList();
        var vehicles = Enumerable.Range(1, Indexed * 2).Select(i => new Vehicle(i, (i * 7 % (Indexed + 5)) + 1)).ToList();
        session.InsertAll(customers);
        session.InsertAll(vehicles);
        string Expected() => Pairs(customers.SelectMany(c => vehicles.Where(v => v.OwnerId == c.Id).Select(v => $"{c}/{v}")));

        Pairs(session.GetAgenda().Select(m => string.Join("/", m.Facts))).Should().Be(Expected());

        // Retract from both sides, and move a vehicle to another owner in place (its old key is gone).
        session.Retract(customers[3]);
        customers.RemoveAt(3);
        session.Retract(vehicles[10]);
        vehicles.RemoveAt(10);
        vehicles[0].OwnerId = customers[5].Id;
        session.Update(vehicles[0]);

        Pairs(session.GetAgenda().Select(m => string.Join("/", m.Facts))).Should().Be(Expected());
    }

    [Test]
    public void Agenda_StringKeyJoinWithNullsPastTheIndexThreshold_NullMatchesNullAsInCSharp()
    {
        var rule = new RuleBuilder("same-tier").Match<Customer>("c").Match<Customer>("d", (Customer d, Customer c) => d.Tier == c.Tier && d.Id > c.Id)
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);
        var tiers = new[] { "gold", "silver", null };
        var customers = Enumerable.Range(1, Indexed).Select(i => new Customer(i, tiers[i % 3]!)).ToList();
        session.InsertAll(customers);
        string Expected() => Pairs(customers.SelectMany(c => customers.Where(d => d.Tier == c.Tier && d.Id > c.Id).Select(d => $"{c}/{d}")));

        Pairs(session.GetAgenda().Select(m => string.Join("/", m.Facts))).Should().Be(Expected());
        customers.Count(c => c.Tier is null).Should().BeGreaterThan(JoinNodeIndexThreshold, "null keys are indexed too");

        customers[1].Tier = null!;
        session.Update(customers[1]);
        session.Retract(customers[2]);
        customers.RemoveAt(2);

        Pairs(session.GetAgenda().Select(m => string.Join("/", m.Facts))).Should().Be(Expected());
    }

    [Test]
    public void Agenda_SmallMemoryScannedOften_IndexedMidSessionWithTheSameMatches()
    {
        // 20 customers stay under the size threshold, but 300 vehicles each scan them: the left index is built
        // part-way through (after 256 entries scanned) and must agree with the scans before it.
        var rule = new RuleBuilder("owns").Match<Customer>("c").Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);
        var customers = Enumerable.Range(1, 20).Select(i => new Customer(i)).ToList();
        var vehicles = Enumerable.Range(1, 300).Select(i => new Vehicle(i, (i % 25) + 1)).ToList();
        session.InsertAll(customers);
        foreach (var vehicle in vehicles)
        {
            session.Insert(vehicle);
        }

        string Expected() => Pairs(customers.SelectMany(c => vehicles.Where(v => v.OwnerId == c.Id).Select(v => $"{c}/{v}")));
        Pairs(session.GetAgenda().Select(m => string.Join("/", m.Facts))).Should().Be(Expected());

        session.Retract(customers[0]);
        customers.RemoveAt(0);
        session.Insert(new Customer(21));
        customers.Add(new Customer(21));
        vehicles[1].OwnerId = 21;
        session.Update(vehicles[1]);

        Pairs(session.GetAgenda().Select(m => string.Join("/", m.Facts))).Should().Be(Expected());
    }

    private static string Pairs(IEnumerable<string> pairs) => string.Join(";", pairs.Order());
}
