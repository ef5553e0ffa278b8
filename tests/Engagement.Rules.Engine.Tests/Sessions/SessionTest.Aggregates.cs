using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    private static (ISession Session, Declaration Result) AggregateSession<T>(AggregateKind kind, System.Linq.Expressions.LambdaExpression? selector)
    {
        var rule = new RuleBuilder("agg")
            .Match<Customer>("c")
            .Aggregate<Vehicle>("result", kind, "v", selector, [(Vehicle v, Customer c) => v.OwnerId == c.Id])
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var result = ((AggregateElement)rule.LeftHandSide.Elements[1]).Result;
        return (Session(rule), result);
    }

    private static object? OnlyResult(ISession session, Declaration result) =>
        session.GetAgenda().Should().ContainSingle().Which.GetValue(result);

    [Test]
    public void Count_SharedByRulesAskingDifferentThingsOfIt_EachRuleFollowsItsOwnCondition()
    {
        RuleDefinition Rule(string id, System.Linq.Expressions.Expression<System.Func<int, bool>> condition) => new RuleBuilder(id)
            .Match<Customer>("c")
            .Aggregate<Vehicle>("n", AggregateKind.Count, "v", null, [(Vehicle v, Customer c) => v.OwnerId == c.Id], [condition])
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(Rule("none", n => n == 0), Rule("some", n => n >= 1), Rule("many", n => n >= 2));
        string Agenda() => string.Join(",", session.GetAgenda().Select(m => m.Rule.Id).Order());
        var first = new Vehicle(1, 1);
        var second = new Vehicle(2, 1);

        session.Insert(new Customer(1));
        Agenda().Should().Be("none");

        session.Insert(first);
        Agenda().Should().Be("some");

        session.Insert(second);
        Agenda().Should().Be("many,some");

        session.Retract(first);
        Agenda().Should().Be("some");

        session.Retract(second);
        Agenda().Should().Be("none");
    }

    [Test]
    public void Collect_NoMatchingFact_IsEmptyList()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Collect, null);

        session.Insert(new Customer(1));

        OnlyResult(session, result).Should().BeAssignableTo<IReadOnlyList<Vehicle>>().Which.Should().BeEmpty();
    }

    [Test]
    public void Collect_FactsArriveAndLeave_ResultFollowsInInsertionOrder()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Collect, null);
        var a = new Vehicle(1, 1);
        var b = new Vehicle(2, 1);
        var c = new Vehicle(3, 1);
        session.Insert(new Customer(1));

        session.InsertAll([a, b, new Vehicle(4, 2), c]);
        OnlyResult(session, result).Should().BeAssignableTo<IReadOnlyList<Vehicle>>().Which.Should().Equal(a, b, c);

        session.Retract(b);
        OnlyResult(session, result).Should().BeAssignableTo<IReadOnlyList<Vehicle>>().Which.Should().Equal(a, c);
    }

    [Test]
    public void Count_CountsMatchingFacts()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Count, null);
        session.Insert(new Customer(1));
        OnlyResult(session, result).Should().Be(0);

        session.InsertAll([new Vehicle(1, 1), new Vehicle(2, 1), new Vehicle(3, 2)]);

        OnlyResult(session, result).Should().Be(2);
    }

    [Test]
    public void Sum_OfDecimalsAndInts_AddsUpOrZero()
    {
        var (decimals, decimalResult) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Price);
        var (ints, intResult) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Year);
        decimals.Insert(new Customer(1));
        ints.Insert(new Customer(1));
        OnlyResult(decimals, decimalResult).Should().Be(0m);

        decimals.InsertAll([new Vehicle(1, 1) { Price = 10.5m }, new Vehicle(2, 1) { Price = 2m }]);
        ints.InsertAll([new Vehicle(1, 1, 2000), new Vehicle(2, 1, 20)]);

        OnlyResult(decimals, decimalResult).Should().Be(12.5m);
        OnlyResult(ints, intResult).Should().Be(2020);
    }

    [Test]
    public void MinMax_NoFact_NoResult_ThenExtremes()
    {
        var (min, minResult) = AggregateSession<Vehicle>(AggregateKind.Min, (Vehicle v) => v.Year);
        var (max, maxResult) = AggregateSession<Vehicle>(AggregateKind.Max, (Vehicle v) => v.Year);
        min.Insert(new Customer(1));
        max.Insert(new Customer(1));
        min.GetAgenda().Should().BeEmpty();

        Vehicle[] vehicles = [new Vehicle(1, 1, 2015), new Vehicle(2, 1, 2010), new Vehicle(3, 1, 2020)];
        min.InsertAll(vehicles);
        max.InsertAll(vehicles);

        OnlyResult(min, minResult).Should().Be(2010);
        OnlyResult(max, maxResult).Should().Be(2020);
    }

    [Test]
    public void GroupBy_GroupsAppearAndDisappear()
    {
        var (session, _) = AggregateSession<Vehicle>(AggregateKind.GroupBy, (Vehicle v) => v.Make);
        session.Insert(new Customer(1));
        session.GetAgenda().Should().BeEmpty();
        var kia = new Vehicle(3, 1) { Make = "Kia" };

        session.InsertAll([new Vehicle(1, 1) { Make = "Ford" }, kia, new Vehicle(2, 1) { Make = "Ford" }]);

        var groups = session.GetAgenda().Select(m => m.GetValue(((AggregateElement)m.Rule.LeftHandSide.Elements[1]).Result))
            .Cast<FactGroup<string, Vehicle>>().ToList();
        groups.Select(g => $"{g.Key}:{string.Join(",", g.Items.Select(v => v.Id))}").Should().BeEquivalentTo("Ford:1,2", "Kia:3");

        session.Retract(kia);
        session.GetAgenda().Should().ContainSingle();
    }

    [Test]
    public void GroupBy_ChangeInOneGroup_OtherGroupNotReactivated()
    {
        var log = new Log();
        var rule = new RuleBuilder("groups")
            .Aggregate<Vehicle>("g", AggregateKind.GroupBy, "v", (Vehicle v) => v.Make)
            .Action((IActionContext ctx, FactGroup<string, Vehicle> g) => log.Add($"{g.Key}:{g.Items.Count}"))
            .Build();
        var session = Session(rule);
        session.InsertAll([new Vehicle(1, 1) { Make = "Ford" }, new Vehicle(2, 1) { Make = "Kia" }]);
        session.Fire();

        session.Insert(new Vehicle(3, 1) { Make = "Kia" });
        session.Fire();

        log.Entries.Should().Equal("Ford:1", "Kia:1", "Kia:2");
    }

    [Test]
    public void Aggregate_ResultCondition_FiltersResult()
    {
        var rule = new RuleBuilder("fleet")
            .Match<Customer>("c")
            .Aggregate<Vehicle>("n", AggregateKind.Count, "v", null, [(Vehicle v, Customer c) => v.OwnerId == c.Id], [(int n) => n >= 2])
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var session = Session(rule);
        session.InsertAll([new Customer(1), new Vehicle(1, 1)]);
        session.GetAgenda().Should().BeEmpty();

        session.Insert(new Vehicle(2, 1));

        session.GetAgenda().Should().ContainSingle();
    }
}
