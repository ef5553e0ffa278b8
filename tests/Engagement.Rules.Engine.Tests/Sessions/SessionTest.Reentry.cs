using System;
using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>Event handlers run inside a propagation: the session refuses operations started from them.</summary>
public sealed partial class SessionTest
{
    [TestCase("Insert")]
    [TestCase("InsertAll")]
    [TestCase("TryInsert")]
    [TestCase("Update")]
    [TestCase("Retract")]
    [TestCase("Fire")]
    [TestCase("GetAgenda")]
    [TestCase("Dispose")]
    public void Operation_FromActivationCreatedHandler_ThrowsAndChangesNothing(string operation)
    {
        var session = Session(OwnsRule());
        var customer = new Customer(1);
        session.Insert(customer);
        Exception? refused = null;
        session.Events.ActivationCreated += (_, _) =>
        {
            try
            {
                Action call = operation switch
                {
                    "Insert" => () => session.Insert(new Vehicle(100, 1)),
                    "InsertAll" => () => session.InsertAll([new Vehicle(100, 1), new Vehicle(101, 1)]),
                    "TryInsert" => () => session.TryInsert(new Vehicle(100, 1)),
                    "Update" => () => session.Update(customer),
                    "Retract" => () => session.Retract(customer),
                    "Fire" => () => session.Fire(),
                    "GetAgenda" => () => session.GetAgenda(),
                    _ => session.Dispose,
                };
                call();
            }
            catch (InvalidOperationException ex)
            {
                refused = ex;
            }
        };

        session.InsertAll([new Vehicle(7, 1), new Vehicle(8, 1)]);

        refused.Should().NotBeNull().And.BeOfType<InvalidOperationException>()
            .Which.Message.Should().Contain("event handler while it propagates a change");
        session.GetAgenda().Select(m => string.Join(",", m.Facts)).Should().BeEquivalentTo("Customer#1,Vehicle#7", "Customer#1,Vehicle#8");
    }

    [Test]
    public void Insert_FromRuleFiredHandler_PropagatesAsFromAnAction()
    {
        var session = Session(OwnsRule());
        var inserted = false;
        session.Events.RuleFired += (_, _) =>
        {
            if (!inserted)
            {
                inserted = true;
                session.Insert(new Vehicle(9, 1));
            }
        };
        session.InsertAll([new Customer(1), new Vehicle(7, 1)]);

        session.Fire().Should().Be(1, "the first firing halts; the vehicle inserted after it waits");

        session.GetAgenda().Should().ContainSingle().Which.Facts[1].Should().BeOfType<Vehicle>().Which.Id.Should().Be(9);
    }
}
