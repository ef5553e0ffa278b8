using System;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>
/// An expression of a rule's conditions that throws names itself: a let's value, an aggregate's value, key, total
/// or result condition, an equality with a constant, by the text its author wrote (when it has one) and its name.
/// </summary>
public sealed partial class SessionTest
{
    /// <summary>The rule with its lets' and aggregates' values and its aggregates' result conditions written as <paramref name="text"/>.</summary>
    private static RuleDefinition Written(RuleDefinition rule, string text)
    {
        ValueExpression Value(ValueExpression value) => new(value.Expression, value.Parameters) { Text = text };
        var elements = rule.LeftHandSide.Elements.Select(element => element switch
        {
            BindingElement binding => new BindingElement(binding.Declaration, Value(binding.Value)),
            AggregateElement aggregate => new AggregateElement(
                aggregate.Result,
                aggregate.Kind,
                aggregate.Source,
                aggregate.Selector is null ? null : Value(aggregate.Selector),
                aggregate.ResultConditions.Select(c => new ConditionElement(c.Expression, c.Parameters) { Text = text }).ToList()),
            _ => element,
        }).ToList();
        return new RuleDefinition(rule.Id, new AndElement(elements), rule.Actions, properties: rule.Properties);
    }

    private static RuleDefinition FragileLet() => new RuleBuilder("fragile")
        .Property(RuleDefinition.SourceProperty, "rules/lets.yaml:3:5")
        .Match<Customer>("c")
        .Let<int>("size", (Expression<Func<Customer, int>>)(c => c.Tier.Length))
        .Action((IActionContext ctx) => ctx.Halt())
        .Build();

    [Test]
    public void Insert_LetWithATextThrows_NamesTheValueAsWrittenAndItsDeclaration()
    {
        var session = Session(Written(FragileLet(), "length(c.tier)"));
        var customer = new Customer(1) { Tier = null! };

        var act = () => session.Insert(customer);

        var error = act.Should().Throw<RuleConditionException>().Which;
        error.Message.Should().Be(
            "The value 'length(c.tier)' of 'size' in rule 'fragile' (rules/lets.yaml:3:5) threw NullReferenceException: " + error.InnerException!.Message);
        error.Expression.Should().Be("length(c.tier)");
        error.RuleId.Should().Be("fragile");
        error.Facts.Should().Equal(customer);
    }

    [Test]
    public void Insert_LetWithoutATextThrows_NamesItsDeclaration()
    {
        var session = Session(FragileLet());

        var act = () => session.Insert(new Customer(1) { Tier = null! });

        var error = act.Should().Throw<RuleConditionException>().Which;
        error.Message.Should().StartWith("The value of 'size' in rule 'fragile' (rules/lets.yaml:3:5) threw NullReferenceException");
        error.Expression.Should().BeNull("a value built in C# has no written text");
    }

    private static RuleDefinition FragileAggregate(AggregateKind kind, LambdaExpression? selector, params LambdaExpression[] having) => new RuleBuilder("agg")
        .Match<Customer>("c")
        .Aggregate<Vehicle>("result", kind, "v", selector, [(Vehicle v, Customer c) => v.OwnerId == c.Id], having)
        .Action((IActionContext ctx) => ctx.Halt())
        .Build();

    [TestCase(AggregateKind.Min, "The value 'make-length' of 'result' in rule 'agg' threw NullReferenceException")]
    [TestCase(AggregateKind.Max, "The value 'make-length' of 'result' in rule 'agg' threw NullReferenceException")]
    [TestCase(AggregateKind.Sum, "The value 'make-length' of 'result' in rule 'agg' threw NullReferenceException")]
    [TestCase(AggregateKind.GroupBy, "The key 'make-length' of 'result' in rule 'agg' threw NullReferenceException")]
    public void Insert_AggregateSelectorThrows_NamesTheValueOrKeyAsWrittenAndTheAggregate(AggregateKind kind, string message)
    {
        var session = Session(Written(FragileAggregate(kind, (Expression<Func<Vehicle, int>>)(v => v.Make.Length)), "make-length"));

        var act = () => session.InsertAll([new Customer(1), new Vehicle(1, 1) { Make = null! }]);

        var error = act.Should().Throw<RuleConditionException>().Which;
        error.Message.Should().StartWith(message);
        error.Expression.Should().Be("make-length");
    }

    [Test]
    public void Insert_SumOverflows_NamesTheSumAndItsValue()
    {
        var rule = FragileAggregate(AggregateKind.Sum, (Expression<Func<Vehicle, int>>)(v => v.Year));
        var written = Session(Written(rule, "v.year"));
        var plain = Session(rule);
        foreach (var session in new[] { written, plain })
        {
            var act = () =>
            {
                session.InsertAll([new Customer(1), new Vehicle(1, 1, 2_000_000_000), new Vehicle(2, 1, 2_000_000_000)]);
                session.GetAgenda();
            };

            var error = act.Should().Throw<RuleConditionException>().Which;
            error.InnerException.Should().BeOfType<OverflowException>();
            error.Message.Should().StartWith(session == written
                ? "The sum 'result' of 'v.year' in rule 'agg' threw OverflowException"
                : "The sum 'result' in rule 'agg' threw OverflowException");
        }
    }

    [Test]
    public void Insert_AggregateResultConditionThrows_NamesTheConditionAsWritten()
    {
        var rule = FragileAggregate(AggregateKind.Count, null, (Expression<Func<int, bool>>)(result => 100 / (result - result) > 1));
        var session = Session(Written(rule, "100 / (result - result) > 1"));

        var act = () => session.Insert(new Customer(1));

        var error = act.Should().Throw<RuleConditionException>().Which;
        error.Message.Should().StartWith("The condition '100 / (result - result) > 1' of rule 'agg' threw DivideByZeroException");
        error.Expression.Should().Be("100 / (result - result) > 1");
    }

    [Test]
    public void Insert_EqualityWithAConstantThrows_NamesItsOwnRuleAndCondition()
    {
        // 'first' creates the type's alpha root; 'fragile' tests c.Tier.Length == 4, looked up by c.Tier.Length
        // among the branches of its dispatch group: the error names 'fragile' and its condition, not the root's rule.
        var first = new RuleBuilder("first").Match<Customer>("c", c => c.Id > 0).Action((IActionContext ctx) => ctx.Halt()).Build();
        var fragile = new RuleBuilder("fragile").Match<Customer>("c", c => c.Tier.Length == 4).Action((IActionContext ctx) => ctx.Halt()).Build();
        var pattern = (PatternElement)fragile.LeftHandSide.Elements[0];
        var written = new RuleDefinition(
            "fragile",
            new AndElement([new PatternElement(pattern.Declaration, [new ConditionElement(pattern.Conditions[0].Expression, pattern.Conditions[0].Parameters) { Text = "length(c.tier) == 4" }])]),
            fragile.Actions);
        var session = Session(first, written);

        var act = () => session.Insert(new Customer(1) { Tier = null! });

        var error = act.Should().Throw<RuleConditionException>().Which;
        error.RuleId.Should().Be("fragile");
        error.Message.Should().StartWith("The condition 'length(c.tier) == 4' of rule 'fragile' threw NullReferenceException");
    }

    [Test]
    public void Fire_ActionReportsTheValueThatThrew_ErrorNamesTheValueWithWhatItThrew()
    {
        var rule = new RuleBuilder("boom").Property(RuleDefinition.SourceProperty, "rules/boom.yaml:3:5").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => ComputeReason(ctx, c)).Build();
        var session = Session(rule);
        session.Insert(new Customer(1));
        RuleActionException? reported = null;
        session.Events.ActionFailed += (_, e) => reported = e.Exception;

        var act = () => session.Fire();

        var error = act.Should().Throw<RuleActionException>().Which;
        error.Message.Should().Be("The value 'c.id / 0' of 'reason' in an action of rule 'boom' (rules/boom.yaml:3:5) threw InvalidOperationException: kaboom");
        error.Expression.Should().Be("c.id / 0");
        error.InnerException.Should().BeOfType<InvalidOperationException>("the host sees what the value threw, not the report").Which.Message.Should().Be("kaboom");
        reported.Should().BeSameAs(error);
    }

    // An action computing a value catches what it throws and says which value it was.
    private static void ComputeReason(IActionContext context, Customer customer)
    {
        try
        {
            Throw(customer);
        }
        catch (InvalidOperationException e)
        {
            throw context.ValueFailed("reason", "c.id / 0", e);
        }
    }
}
