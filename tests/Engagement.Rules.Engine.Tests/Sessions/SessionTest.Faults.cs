using System;
using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>
/// An exception thrown in the middle of a propagation (a condition, the match guard, an event handler) leaves the
/// memories half-updated: the session refuses to go on instead of answering with matches that no longer agree
/// with its facts.
/// </summary>
public sealed partial class SessionTest
{
    [Test]
    public void InsertAll_FactInsertedHandlerThrowsMidBatch_LaterOperationsAreRefused()
    {
        // Before: the batch's facts were in the session but their matches were never made, silently (an empty
        // agenda with a customer and two of their vehicles), and the session went on.
        var session = Session(OwnsRule());
        session.Events.FactInserted += (_, e) =>
        {
            if (e.Fact is Vehicle { Id: 2 })
            {
                throw new InvalidOperationException("handler failed");
            }
        };

        var act = () => session.InsertAll([new Customer(1), new Vehicle(1, 1), new Vehicle(2, 1), new Vehicle(3, 1)]);

        act.Should().Throw<InvalidOperationException>().WithMessage("handler failed");
        var refused = () => session.GetAgenda();
        refused.Should().Throw<InvalidOperationException>()
            .WithMessage("The session is half-updated and cannot be used any more: InvalidOperationException was thrown in the middle of an earlier operation (handler failed)*Dispose it and start a new session.")
            .Which.InnerException.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("handler failed");
        ((Func<object>)(() => session.Query<Vehicle>().ToArray())).Should().Throw<InvalidOperationException>();
        ((Action)(() => session.Insert(new Customer(2)))).Should().Throw<InvalidOperationException>();
        ((Action)(() => session.Fire())).Should().Throw<InvalidOperationException>();
        session.Dispose();
    }

    [Test]
    public void Insert_ConditionThrows_LaterOperationsAreRefusedNamingTheFirstError()
    {
        var rule = new RuleBuilder("fragile").Match<Customer>("c", c => c.Tier.Length > 2)
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule, OwnsRule());
        var condition = ((Action)(() => session.Insert(new Customer(1) { Tier = null! }))).Should().Throw<RuleConditionException>().Which;

        var refused = ((Action)(() => session.Insert(new Vehicle(1, 1)))).Should().Throw<InvalidOperationException>().Which;

        refused.InnerException.Should().BeSameAs(condition);
        refused.Message.Should().Contain("RuleConditionException was thrown in the middle of an earlier operation (A condition of rule 'fragile' threw");
    }

    [Test]
    public void Fire_ActionWhoseInsertMakesAHandlerThrow_IsWrappedAndTheSessionRefusesFurtherUse()
    {
        // The action's own insert fails half-way (its handler throws): the action error is reported as before,
        // and the half-propagated insert is noted although the exception was wrapped.
        var rule = new RuleBuilder("note").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => ctx.Insert(new Note("n", c.Id))).Build();
        var session = Session(rule, OwnsRule());
        session.Insert(new Customer(1));
        session.Events.FactInserted += (_, e) =>
        {
            if (e.Fact is Note)
            {
                throw new InvalidOperationException("note handler failed");
            }
        };

        ((Func<int>)(() => session.Fire())).Should().Throw<RuleActionException>().Which.InnerException!.Message.Should().Be("note handler failed");
        ((Action)(() => session.Insert(new Vehicle(1, 1)))).Should().Throw<InvalidOperationException>().WithMessage("The session is half-updated*");
    }

    [Test]
    public void Fire_ActionCatchesTheErrorOfItsOwnHalfPropagatedInsert_SessionRefusesFurtherUseAndIsNotPooled()
    {
        // Before: the action's catch handled the exception before the firing loop or the handle could note it; the
        // session went on with memories that disagreed with its facts, and its state went back to the pool.
        var rule = new RuleBuilder("note").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => InsertCatching(ctx, new Note("n", c.Id))).Build();
        var compiled = RuleCompiler.Compile([rule, OwnsRule()]);
        var session = compiled.CreateSession();
        var state = ((Runtime.SessionHandle)session).PeekState!;
        session.Insert(new Customer(1));
        session.Events.FactInserted += (_, e) =>
        {
            if (e.Fact is Note)
            {
                throw new InvalidOperationException("note handler failed");
            }
        };

        ((Func<int>)(() => session.Fire())).Should().Throw<InvalidOperationException>()
            .WithMessage("The session is half-updated*an action of rule 'note' caught it*")
            .Which.InnerException!.Message.Should().Be("note handler failed");
        ((Action)(() => session.Insert(new Vehicle(1, 1)))).Should().Throw<InvalidOperationException>().WithMessage("The session is half-updated*");
        state.Broken.Should().BeTrue();
        session.Dispose();

        using var next = compiled.CreateSession();
        ((Runtime.SessionHandle)next).PeekState.Should().NotBeSameAs(state, "a half-updated state is never pooled");
    }

    private static void InsertCatching(IActionContext ctx, object fact)
    {
        try
        {
            ctx.Insert(fact);
        }
        catch (InvalidOperationException)
        {
            // The defensive catch under test: it must not hide the half-propagated insert.
        }
    }

    [Test]
    public void Errors_ThrownBeforeAnyChange_LeaveTheSessionUsable()
    {
        // A duplicate, a null fact, an unknown fact, an action's own exception: nothing was half-propagated.
        var rule = new RuleBuilder("boom").Match<Customer>("c", c => c.Id == 9)
            .Action((IActionContext ctx, Customer c) => Throw(c)).Build();
        var session = Session(rule, OwnsRule());
        var customer = new Customer(1);
        session.Insert(customer);

        ((Action)(() => session.Insert(customer))).Should().Throw<FactException>();
        ((Action)(() => session.InsertAll([new Customer(2), null!]))).Should().Throw<ArgumentException>();
        ((Action)(() => session.Retract(new Customer(3)))).Should().Throw<FactException>();
        session.Insert(new Customer(9));
        ((Func<int>)(() => session.Fire())).Should().Throw<RuleActionException>();

        session.Insert(new Vehicle(1, 1));
        session.GetAgenda().Select(m => string.Join("+", m.Facts)).Should().Contain("Customer#1+Vehicle#1");
    }

    [TestCase("Update")]
    [TestCase("Retract")]
    public void UpdateOrRetract_FactWhoseIdentityChangedSinceInsert_SaysSoInsteadOfNotInTheSession(string operation)
    {
        // Before: "cannot be updated: it is not in the session", while Query still returned the very object.
        var session = RuleCompiler.Compile([new RuleBuilder("r").Match<MutableKey>("k").Action((IActionContext ctx) => ctx.Halt()).Build()]).CreateSession();
        var fact = new MutableKey { Key = 1 };
        session.Insert(fact);
        fact.Key = 2;

        Action act = operation == "Update" ? () => session.Update(fact) : () => session.Retract(fact);

        act.Should().Throw<FactException>().Which.Message.Should()
            .Contain("it is in the session, but under the identity it had when inserted ('1' (Int32)), and its FactIdentity is now '2' (Int32)")
            .And.Contain("A fact's identity must not change while it is in a session");
    }

    [TestCase(5)]
    [TestCase(40)]
    public void InsertAll_FactWhoseIdentityThrows_InsertsNothingAndLeavesNoTrace(int count)
    {
        // Large batches are checked through the identity dictionaries: the facts checked before the one that threw
        // stayed in them, so they were "already in the session" for ever though the session never held them.
        var session = RuleCompiler.Compile([new RuleBuilder("r").Match<MutableKey>("k").Action((IActionContext ctx) => ctx.Halt()).Build()]).CreateSession();
        var facts = Enumerable.Range(0, count).Select(i => new MutableKey { Key = i, Broken = i == count - 2 }).ToArray();

        ((Action)(() => session.InsertAll(facts))).Should().Throw<InvalidOperationException>().WithMessage("identity failed");

        session.Query<MutableKey>().Should().BeEmpty();
        facts[^2].Broken = false;
        session.InsertAll(facts);
        session.Query<MutableKey>().Should().HaveCount(count);
    }

    /// <summary>A host fact with a mutable identity: a contract violation the session must name.</summary>
    private sealed class MutableKey : IFactIdentity
    {
        public int Key { get; set; }

        public bool Broken { get; set; }

        public object FactIdentity => Broken ? throw new InvalidOperationException("identity failed") : Key;

        public override string ToString() => $"MutableKey#{Key}";
    }
}
