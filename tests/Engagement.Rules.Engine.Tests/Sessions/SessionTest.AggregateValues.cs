using System;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>Sum, min and max keep their selected values typed (unboxed): nulls, ordering, updates, pooled states.</summary>
public sealed partial class SessionTest
{
    [Test]
    public void MinMax_NullableValues_NullIsLowest()
    {
        var (min, minResult) = AggregateSession<Vehicle>(AggregateKind.Min, (Vehicle v) => v.Price > 0 ? v.Year : (int?)null);
        var (max, maxResult) = AggregateSession<Vehicle>(AggregateKind.Max, (Vehicle v) => v.Price > 0 ? v.Year : (int?)null);
        Vehicle[] vehicles = [new Vehicle(1, 1, 2015) { Price = 1m }, new Vehicle(2, 1, 2010), new Vehicle(3, 1, 2020) { Price = 1m }];
        min.InsertAll([new Customer(1), .. vehicles]);
        max.InsertAll([new Customer(1), .. vehicles]);

        OnlyResult(min, minResult).Should().BeNull("null sorts first, as for the non-generic comparer");
        OnlyResult(max, maxResult).Should().Be(2020);
    }

    [Test]
    public void Sum_NullableValues_NullCountsAsZero()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Year > 2000 ? v.Price : (decimal?)null);

        session.InsertAll([new Customer(1), new Vehicle(1, 1, 2015) { Price = 2.5m }, new Vehicle(2, 1, 1999) { Price = 100m }, new Vehicle(3, 1, 2020) { Price = 4m }]);

        OnlyResult(session, result).Should().Be(6.5m);
    }

    [Test]
    public void Sum_Doubles_AddedInFactInsertionOrder()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => (double)v.Price);
        decimal[] prices = [0.1m, 1e16m, -1e16m, 0.2m];

        // Vehicles first: the customer's aggregate then finds them all at once, in insertion order.
        session.InsertAll([.. prices.Select((p, i) => new Vehicle(i, 1) { Price = p }), new Customer(1)]);

        OnlyResult(session, result).Should().Be(prices.Aggregate(0d, (sum, p) => sum + (double)p));
    }

    [Test]
    public void MinMax_Strings_OrderOfTheStrings()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Max, (Vehicle v) => v.Make);

        session.InsertAll([new Customer(1), new Vehicle(1, 1) { Make = "Kia" }, new Vehicle(2, 1) { Make = "Volvo" }, new Vehicle(3, 1) { Make = "Audi" }]);

        OnlyResult(session, result).Should().Be("Volvo");
    }

    [Test]
    public void MinMax_StringsUnderACultureThatOrdersByLetterFirst_OrdinalOrder()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // en-US puts 'apple' before 'Banana'; ordinally (the rules' order) 'B' (66) comes before 'a' (97).
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            var (max, maxResult) = AggregateSession<Vehicle>(AggregateKind.Max, (Vehicle v) => v.Make);
            var (min, minResult) = AggregateSession<Vehicle>(AggregateKind.Min, (Vehicle v) => v.Make);
            foreach (var session in new[] { max, min })
            {
                session.InsertAll([new Customer(1), new Vehicle(1, 1) { Make = "apple" }, new Vehicle(2, 1) { Make = "Banana" }]);
            }

            OnlyResult(max, maxResult).Should().Be("apple");
            OnlyResult(min, minResult).Should().Be("Banana");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Test]
    public void Sum_OverflowOfWholeNumbersOrOfFiniteDoubles_ConditionErrorNamingTheRule()
    {
        // Two vehicles of 'year' 2e9: the whole-number sums leave their type; each scaled double/float value is a finite
        // two thirds of the type's maximum, their sum Infinity.
        var (plain, _) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Year);
        var (nullable, _) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Price > 0 ? v.Year : (int?)null);
        var (wide, _) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => (long)v.Year * 4_000_000_000L);
        var (real, _) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Year * (double.MaxValue / 3e9));
        var (nullableReal, _) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Price > 0 ? -v.Year * (double.MaxValue / 3e9) : (double?)null);
        var (single, _) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Year * (float.MaxValue / 3e9f));
        foreach (var session in new[] { plain, nullable, wide, real, nullableReal, single })
        {
            var act = () =>
            {
                session.InsertAll([new Customer(1), new Vehicle(1, 1, 2_000_000_000) { Price = 1m }, new Vehicle(2, 1, 2_000_000_000) { Price = 1m }]);
                session.GetAgenda();
            };

            var error = act.Should().Throw<RuleConditionException>().Which;
            error.RuleId.Should().Be("agg");
            error.InnerException.Should().BeOfType<OverflowException>();
        }
    }

    [Test]
    public void Sum_NonFiniteDoubleFromTheHost_AddedAsIeee()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Year == 0 ? double.PositiveInfinity : v.Year);

        session.InsertAll([new Customer(1), new Vehicle(1, 1, 2020), new Vehicle(2, 1, 0)]);

        OnlyResult(session, result).Should().Be(double.PositiveInfinity, "only finite values adding up to Infinity are an overflow");
    }

    [Test]
    public void Sum_WholeNumbersWithinRange_Exact()
    {
        var (session, result) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => (long)v.Year);

        session.InsertAll([new Customer(1), new Vehicle(1, 1, 2_000_000_000), new Vehicle(2, 1, 2_000_000_000)]);

        OnlyResult(session, result).Should().Be(4_000_000_000L);
    }

    [Test]
    public void SumMax_UpdatedFactKeepsItsPlace_RetractRemovesTheRightValue()
    {
        var (sum, sumResult) = AggregateSession<Vehicle>(AggregateKind.Sum, (Vehicle v) => v.Year);
        var (max, maxResult) = AggregateSession<Vehicle>(AggregateKind.Max, (Vehicle v) => v.Year);
        foreach (var session in new[] { sum, max })
        {
            var a = new Vehicle(1, 1, 2010);
            var b = new Vehicle(2, 1, 2020);
            var c = new Vehicle(3, 1, 2015);
            session.InsertAll([new Customer(1), a, b, c]);

            // b comes back between a and c (its insertion order is kept); c's value must then leave with c.
            b.Year = 2030;
            session.Update(b);
            session.Retract(c);
        }

        OnlyResult(sum, sumResult).Should().Be(2010 + 2030);
        OnlyResult(max, maxResult).Should().Be(2030);
    }

    [Test]
    public void MinMax_PooledStateServesAggregatesOfAnotherValueType_ResultsStayRight()
    {
        var years = new RuleBuilder("gold-latest-year")
            .Match<Customer>("c", c => c.Tier == "gold")
            .Aggregate<Vehicle>("year", AggregateKind.Max, "v", (Vehicle v) => v.Year, [(Vehicle v, Customer c) => v.OwnerId == c.Id])
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var makes = new RuleBuilder("last-make")
            .Match<Customer>("c")
            .Aggregate<Vehicle>("make", AggregateKind.Max, "v", (Vehicle v) => v.Make, [(Vehicle v, Customer c) => v.OwnerId == c.Id])
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
        var rules = RuleCompiler.Compile([years, makes]);
        var make = ((AggregateElement)makes.LeftHandSide.Elements[1]).Result;

        string?[] results = new string?[2];
        for (var run = 0; run < 2; run++)
        {
            // The first session's first aggregate state kept int values; the second session's first is over strings.
            using var session = rules.CreateSession();
            session.InsertAll([new Customer(1, run == 0 ? "gold" : "silver"), new Vehicle(1, 1, 2012) { Make = "Audi" }, new Vehicle(2, 1, 2018) { Make = "Mazda" }]);
            results[run] = (string?)session.GetAgenda().Single(m => m.Rule.Id == "last-make").GetValue(make);
        }

        results.Should().Equal("Mazda", "Mazda");
    }

    [Test]
    public void Max_SelectorThrows_ConditionErrorAtInsert_NamingTheRule()
    {
        var (session, _) = AggregateSession<Vehicle>(AggregateKind.Max, (Vehicle v) => v.Make.Length);
        session.Insert(new Customer(1));

        var act = () => session.Insert(new Vehicle(1, 1) { Make = null! });

        act.Should().Throw<RuleConditionException>().Which.RuleId.Should().Be("agg");
    }
}
