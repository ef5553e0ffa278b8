using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>What an action reads of its firing match without holding on to it.</summary>
public sealed partial class SessionTest
{
    [Test]
    public void ActionContext_RuleFactsAndValues_SameAsTheMatch()
    {
        var seen = new List<string>();
        Declaration count = null!;
        Func<IActionContext, string> describe = ctx =>
            $"{ctx.Rule.Id}({string.Join(",", ctx.Facts)}) n={ctx.GetValue(count)}"
            + $" | {ctx.Match.Rule.Id}({string.Join(",", ctx.Match.Facts)}) n={ctx.Match.GetValue(count)}";
        var rule = new RuleBuilder("owns")
            .Match<Customer>("c")
            .Match<Vehicle>("v", (Vehicle v, Customer c) => v.OwnerId == c.Id)
            .Count<Note>("n", "x", (Note x, Customer c) => x.CustomerId == c.Id)
            .Action((IActionContext ctx) => seen.Add(describe(ctx)))
            .Build();
        count = ((AggregateElement)rule.LeftHandSide.Elements[2]).Result;
        var session = Session(rule);

        session.InsertAll([new Customer(1), new Vehicle(7, 1), new Note("a", 1), new Note("b", 1)]);
        session.Fire();

        seen.Should().Equal("owns(Customer#1,Vehicle#7) n=2 | owns(Customer#1,Vehicle#7) n=2");
    }

    [Test]
    public void ActionContext_FactsKeptByAnAction_UnchangedWhenLaterSessionsReuseTheState()
    {
        var kept = new List<IReadOnlyList<object>>();
        var rules = RuleCompiler.Compile([new RuleBuilder("keep").Match<Customer>("c").Action((IActionContext ctx) => kept.Add(ctx.Facts)).Build()]);

        for (var id = 1; id <= 3; id++)
        {
            using var session = rules.CreateSession();
            session.Insert(new Customer(id));
            session.Fire();
        }

        kept.Select(facts => string.Join(",", facts)).Should().Equal("Customer#1", "Customer#2", "Customer#3");
    }

    [Test]
    public void ActionContext_ValueOfAnotherRulesDeclaration_Throws()
    {
        var foreign = new Declaration("other", typeof(int));
        Exception? error = null;
        Action<IActionContext> read = ctx =>
        {
            try
            {
                ctx.GetValue(foreign);
            }
            catch (ArgumentException ex)
            {
                error = ex;
            }
        };
        var session = Session(new RuleBuilder("r").Match<Customer>("c").Action((IActionContext ctx) => read(ctx)).Build());

        session.Insert(new Customer(1));
        session.Fire();

        error.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("'other'").And.Contain("'r'");
    }
}
