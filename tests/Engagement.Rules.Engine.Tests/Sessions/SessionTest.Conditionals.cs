using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    private static Engagement.Rules.Engine.Model.RuleDefinition NoVehicleRule() => new RuleBuilder("no-vehicle")
        .Match<Customer>("c")
        .Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
        .Action((IActionContext ctx) => ctx.Halt())
        .Build();

    [Test]
    public void Not_NoMatchingFact_Matches()
    {
        var session = Session(NoVehicleRule());
        var alone = new Customer(1);

        session.InsertAll([alone, new Customer(2), new Vehicle(9, 2)]);

        session.GetAgenda().Should().ContainSingle().Which.Facts.Should().Equal(alone);
    }

    [Test]
    public void Not_BlockingFactInsertedThenRetracted_MatchGoesAndComesBack()
    {
        var session = Session(NoVehicleRule());
        var vehicle = new Vehicle(9, 1);
        session.Insert(new Customer(1));

        session.Insert(vehicle);
        session.GetAgenda().Should().BeEmpty();

        session.Retract(vehicle);
        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void Not_OverConjunction_BlocksOnlyWhenAllMatch()
    {
        var rule = new RuleBuilder("no-visited-vehicle")
            .Match<Customer>("c")
            .Not(b => b
                .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
                .Match<Visit>("s", (Visit s, Vehicle v) => s.VehicleId == v.Id))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        session.InsertAll([new Customer(1), new Vehicle(9, 1)]);
        session.GetAgenda().Should().ContainSingle();

        var visit = new Visit(1, 9);
        session.Insert(visit);
        session.GetAgenda().Should().BeEmpty();

        session.Retract(visit);
        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void Not_FollowedByABindingAndACount_WhatFollowsGoesAndComesBackWithTheBlocker()
    {
        // The not passes its left token through (no token of its own): blocking must remove the binding's and
        // the aggregate's tokens made below that token, and leave its sub-network's results there.
        var rule = new RuleBuilder("no-vehicle-visits")
            .Match<Customer>("c")
            .Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Let<int>("twice", (Customer c) => c.Id * 2)
            .Count<Visit>("n", "s", (Visit s, Customer c) => s.CustomerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var twice = ((BindingElement)rule.LeftHandSide.Elements[2]).Declaration;
        var count = ((AggregateElement)rule.LeftHandSide.Elements[3]).Result;
        var session = Session(rule);
        var vehicle = new Vehicle(9, 1);
        session.InsertAll([new Customer(1), new Visit(1), new Visit(1)]);
        session.GetAgenda().Should().ContainSingle().Which.GetValue(count).Should().Be(2);

        session.Insert(vehicle);
        session.GetAgenda().Should().BeEmpty();
        session.Insert(new Visit(1));
        session.GetAgenda().Should().BeEmpty();

        session.Retract(vehicle);
        var match = session.GetAgenda().Should().ContainSingle().Subject;
        match.GetValue(twice).Should().Be(2);
        match.GetValue(count).Should().Be(3);
    }

    [Test]
    public void Not_TwoInARow_EitherBlocks()
    {
        var rule = new RuleBuilder("no-vehicle-no-visit")
            .Match<Customer>("c")
            .Not<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Not<Visit>("s", (Visit s, Customer c) => s.CustomerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var vehicle = new Vehicle(9, 1);
        var visit = new Visit(1);
        session.Insert(new Customer(1));
        session.GetAgenda().Should().ContainSingle();

        session.Insert(visit);
        session.GetAgenda().Should().BeEmpty();
        session.Insert(vehicle);
        session.Retract(visit);
        session.GetAgenda().Should().BeEmpty("the vehicle still blocks");

        session.Retract(vehicle);
        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void Exists_ManyMatchingFacts_FiresOnce()
    {
        var rule = new RuleBuilder("has-vehicle")
            .Match<Customer>("c")
            .Exists<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        var vehicles = Enumerable.Range(1, 5).Select(i => new Vehicle(i, 1)).ToArray();

        session.Insert(new Customer(1));
        session.GetAgenda().Should().BeEmpty();
        session.InsertAll(vehicles);
        session.GetAgenda().Should().ContainSingle();

        foreach (var vehicle in vehicles.Skip(1))
        {
            session.Retract(vehicle);
        }

        session.GetAgenda().Should().ContainSingle();
        session.Retract(vehicles[0]);
        session.GetAgenda().Should().BeEmpty();
    }

    [Test]
    public void Exists_AlreadyFired_DoesNotFireAgainWhenMoreFactsArrive()
    {
        var log = new Log();
        var rule = new RuleBuilder("has-vehicle")
            .Match<Customer>("c")
            .Exists<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Action((IActionContext ctx, Customer c) => log.Add("fired"))
            .Build();
        var session = Session(rule);
        session.InsertAll([new Customer(1), new Vehicle(1, 1)]);
        session.Fire();

        session.Insert(new Vehicle(2, 1));
        session.Fire();

        log.Entries.Should().ContainSingle();
    }

    [Test]
    public void ForAll_EveryBaseFactSatisfies_Matches()
    {
        var rule = new RuleBuilder("all-vehicles-visited")
            .Match<Customer>("c")
            .ForAll(
                b => b.Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id),
                p => p.Match<Visit>("s", (Visit s, Vehicle v) => s.VehicleId == v.Id))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);

        session.Insert(new Customer(1));
        session.GetAgenda().Should().ContainSingle("forall is vacuously true without vehicles");

        session.InsertAll([new Vehicle(1, 1), new Vehicle(2, 1)]);
        session.GetAgenda().Should().BeEmpty();

        session.Insert(new Visit(1, 1));
        session.GetAgenda().Should().BeEmpty();

        var visit = new Visit(1, 2);
        session.Insert(visit);
        session.GetAgenda().Should().ContainSingle();

        session.Retract(visit);
        session.GetAgenda().Should().BeEmpty();
    }

    [Test]
    public void Or_BothAlternativesMatch_FiresPerAlternative()
    {
        var log = new Log();
        var rule = new RuleBuilder("gold-or-old")
            .Or(
                a => a.Match<Customer>("c", c => c.Tier == "gold"),
                a => a.Match<Customer>("c", c => c.Age > 60))
            .Action((IActionContext ctx, Customer c) => log.Add(c.ToString()))
            .Build();
        var session = Session(rule);

        session.InsertAll([new Customer(1, "gold") { Age = 70 }, new Customer(2) { Age = 65 }, new Customer(3)]);
        session.Fire();

        log.Entries.Should().BeEquivalentTo("Customer#1", "Customer#1", "Customer#2");
    }

    [Test]
    public void Let_BindsValueForLaterConditionsAndActions()
    {
        var log = new Log();
        var rule = new RuleBuilder("age-next-year")
            .Match<Customer>("c")
            .Let<int>("next", (Customer c) => c.Age + 1)
            .Match<Vehicle>("v", (Vehicle v, int next) => v.Year == 2000 + next)
            .Action((IActionContext ctx, int next, Vehicle v) => log.Add($"{next}:{v.Id}"))
            .Build();
        var session = Session(rule);

        session.InsertAll([new Customer(1) { Age = 20 }, new Vehicle(5, 0, 2021), new Vehicle(6, 0, 2020)]);
        session.Fire();

        log.Entries.Should().Equal("21:5");
    }
}
