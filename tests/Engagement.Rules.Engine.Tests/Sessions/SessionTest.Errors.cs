using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    [Test]
    public void Insert_DuplicateFact_Throws()
    {
        var session = Session(LogRule("r", new Log()));
        var customer = new Customer(1);
        session.Insert(customer);

        var act = () => session.Insert(customer);

        act.Should().Throw<FactException>().Which.Fact.Should().BeSameAs(customer);
        session.TryInsert(customer).Should().BeFalse();
    }

    [Test]
    public void Insert_DuplicateWhoseToStringThrows_TheFactErrorStillComesNamingTheType()
    {
        var session = Session(LogRule("r", new Log()));
        var fact = new Unprintable(null);
        session.Insert(fact);

        var act = () => session.Insert(fact);

        act.Should().Throw<FactException>()
            .WithMessage("The fact of type Unprintable (its ToString threw InvalidOperationException) is already in the session.")
            .Which.Fact.Should().BeSameAs(fact);
    }

    [Test]
    public void Retract_UnknownFactWithAHugeText_MessageCutShort()
    {
        var session = Session(LogRule("r", new Log()));

        var act = () => session.Retract(new Unprintable(new string('x', 100_000)));

        act.Should().Throw<FactException>().Which.Message.Length.Should().BeLessThan(400);
    }

    /// <summary>A host fact whose ToString throws (null text) or prints a very long text.</summary>
    private sealed class Unprintable(string? text)
    {
        public override string ToString() => text ?? throw new InvalidOperationException("cannot print");
    }

    [Test]
    public void InsertAll_OneDuplicate_InsertsNothing()
    {
        var session = Session(LogRule("r", new Log()));
        var existing = new Customer(1);
        session.Insert(existing);

        var act = () => session.InsertAll([new Customer(2), existing]);

        act.Should().Throw<FactException>().Which.Fact.Should().BeSameAs(existing);
        session.Query<Customer>().Should().Equal(existing);
    }

    [Test]
    public void UpdateAndRetract_UnknownFact_Throw()
    {
        var session = Session(LogRule("r", new Log()));
        var stranger = new Customer(9);

        session.Invoking(s => s.Update(stranger)).Should().Throw<FactException>().WithMessage("*Customer#9*not in the session*");
        session.Invoking(s => s.Retract(stranger)).Should().Throw<FactException>().Which.Fact.Should().BeSameAs(stranger);
        session.TryUpdate(stranger).Should().BeFalse();
        session.TryRetract(stranger).Should().BeFalse();
    }

    [Test]
    public void Update_FactIdentity_ReplacesOldVersion()
    {
        var log = new Log();
        var rule = new RuleBuilder("counter").Match<Counter>("n")
            .Action((IActionContext ctx, Counter n) => log.Add(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).Build();
        var session = Session(rule);
        session.Insert(new Counter(1, 1));
        session.Fire();

        session.Update(new Counter(1, 2));
        session.Fire();
        session.Retract(new Counter(1, 99));

        log.Entries.Should().Equal("1", "2");
        session.Query<Counter>().Should().BeEmpty();
        session.Invoking(s => s.Insert(new Counter(2, 0))).Should().NotThrow();
        session.Invoking(s => s.Insert(new Counter(2, 5))).Should().Throw<FactException>();
    }

    [Test]
    public void Insert_ConditionThrows_WrappedWithRuleId()
    {
        var rule = new RuleBuilder("fragile").Match<Customer>("c", c => c.Tier.Length > 2)
            .Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);
        var failures = new List<ConditionFailedEventArgs>();
        session.Events.ConditionFailed += (_, e) => failures.Add(e);
        var customer = new Customer(1) { Tier = null! };

        var act = () => session.Insert(customer);

        var error = act.Should().Throw<RuleConditionException>().Which;
        error.RuleId.Should().Be("fragile");
        error.Expression.Should().BeNull("a condition built in C# has no written text");
        error.Facts.Should().Equal(customer);
        error.InnerException.Should().BeOfType<NullReferenceException>();
        failures.Should().ContainSingle().Which.Exception.Should().BeSameAs(error);
    }

    [Test]
    public void Fire_ActionThrows_WrappedWithRuleIdAndFacts()
    {
        var rule = new RuleBuilder("boom").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => Throw(c)).Build();
        var session = Session(rule);
        var customer = new Customer(1);
        session.Insert(customer);
        var failed = 0;
        session.Events.ActionFailed += (_, _) => failed++;

        var act = () => session.Fire();

        var error = act.Should().Throw<RuleActionException>().Which;
        error.RuleId.Should().Be("boom");
        error.Facts.Should().Equal(customer);
        error.InnerException.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("kaboom");
        failed.Should().Be(1);
    }

    [Test]
    public void Insert_ConditionOfARuleWithASource_ErrorNamesWhereTheRuleIs()
    {
        var rule = new RuleBuilder("fragile").Property(Engagement.Rules.Engine.Model.RuleDefinition.SourceProperty, "rules/offers.yaml:12:5")
            .Match<Customer>("c", c => c.Tier.Length > 2).Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);

        var act = () => session.Insert(new Customer(1) { Tier = null! });

        var error = act.Should().Throw<RuleConditionException>().Which;
        error.RuleSource.Should().Be("rules/offers.yaml:12:5");
        error.Message.Should().StartWith("A condition of rule 'fragile' (rules/offers.yaml:12:5) threw NullReferenceException");
    }

    [Test]
    public void Fire_ActionOfARuleWithASource_ErrorNamesWhereTheRuleIs()
    {
        var rule = new RuleBuilder("boom").Property(Engagement.Rules.Engine.Model.RuleDefinition.SourceProperty, "rules/boom.yaml:3:5").Match<Customer>("c")
            .Action((IActionContext ctx, Customer c) => Throw(c)).Build();
        var session = Session(rule);
        session.Insert(new Customer(1));

        var act = () => session.Fire();

        var error = act.Should().Throw<RuleActionException>().Which;
        error.RuleSource.Should().Be("rules/boom.yaml:3:5");
        error.Message.Should().Be("An action of rule 'boom' (rules/boom.yaml:3:5) threw InvalidOperationException: kaboom");
    }

    [Test]
    public void Fire_ActionOfARuleWithoutASource_ErrorHasNone()
    {
        var rule = new RuleBuilder("boom").Match<Customer>("c").Action((IActionContext ctx, Customer c) => Throw(c)).Build();
        var session = Session(rule);
        session.Insert(new Customer(1));

        var act = () => session.Fire();

        var error = act.Should().Throw<RuleActionException>().Which;
        error.RuleSource.Should().BeNull();
        error.Message.Should().Be("An action of rule 'boom' threw InvalidOperationException: kaboom");
    }

    private static void Throw(Customer customer) => throw new InvalidOperationException(customer.Id > 0 ? "kaboom" : "no");

    [Test]
    public void Events_RaisedInOrder()
    {
        var rule = new RuleBuilder("r").Match<Customer>("c").Action((IActionContext ctx) => ctx.Halt()).Build();
        var session = Session(rule);
        var events = new List<string>();
        session.Events.FactInserted += (_, e) => events.Add("inserted " + e.Fact);
        session.Events.FactUpdated += (_, e) => events.Add("updated " + e.Fact);
        session.Events.FactRetracted += (_, e) => events.Add("retracted " + e.Fact);
        session.Events.ActivationCreated += (_, e) => events.Add("created " + e.Match.Rule.Id);
        session.Events.ActivationUpdated += (_, e) => events.Add("activation-updated " + e.Match.Rule.Id);
        session.Events.ActivationDeleted += (_, e) => events.Add("deleted " + e.Match.Rule.Id);
        session.Events.RuleFiring += (_, e) => events.Add("firing " + e.Match.Rule.Id);
        session.Events.RuleFired += (_, e) => events.Add("fired " + e.Match.Rule.Id);
        var customer = new Customer(1);

        session.Insert(customer);
        session.Fire();
        session.Update(customer);
        session.Retract(customer);

        events.Should().Equal(
            "inserted Customer#1",
            "created r",
            "firing r",
            "fired r",
            "updated Customer#1",
            "activation-updated r",
            "deleted r",
            "retracted Customer#1");
    }
}
