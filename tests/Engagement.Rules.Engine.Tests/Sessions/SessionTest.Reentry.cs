using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>
/// Event handlers run inside a propagation, and a session is single-threaded: the session refuses operations
/// started from such a handler or from a second thread while one is inside.
/// </summary>
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

    [Test]
    public void Query_FromActivationCreatedHandler_ReadsTheFactsSoFar()
    {
        var session = Session(OwnsRule());
        var seen = new List<int>();
        session.Events.ActivationCreated += (_, _) => seen.Add(session.Query<Vehicle>().Count());

        session.InsertAll([new Customer(1), new Vehicle(7, 1), new Vehicle(8, 1)]);

        seen.Should().Equal(2, 2);
    }

    [TestCase("Insert")]
    [TestCase("Fire")]
    [TestCase("Query")]
    [TestCase("Dispose")]
    public void Operation_FromAnotherThreadDuringFire_ThrowsAndTheFiringCompletes(string operation)
    {
        using var gate = new Gate();
        var rule = new RuleBuilder("slow")
            .Match<Customer>("c")
            .Action((IActionContext ctx) => gate.Pass(ctx))
            .Build();
        var session = Session(rule);
        session.Insert(new Customer(1));

        var firing = Task.Run(() => session.Fire());
        gate.Inside.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("the action starts");
        Action call = operation switch
        {
            "Insert" => () => session.Insert(new Customer(2)),
            "Fire" => () => session.Fire(),
            "Query" => () => session.Query<Customer>(),
            _ => session.Dispose,
        };
        call.Should().Throw<InvalidOperationException>().WithMessage("*in use by another thread*");
        gate.Release.Set();

        firing.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue();
        firing.Result.Should().Be(1);
        session.Query<Note>().Should().ContainSingle();
        session.Insert(new Customer(2));
        session.GetAgenda().Should().ContainSingle("once the firing thread is out, another thread may use the session");
    }

    /// <summary>Holds an action until the test lets it go.</summary>
    private sealed class Gate : IDisposable
    {
        public ManualResetEventSlim Inside { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void Pass(IActionContext context)
        {
            Inside.Set();
            Release.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("the test releases the action");
            context.Insert(new Note("done", 1));
        }

        public void Dispose()
        {
            Inside.Dispose();
            Release.Dispose();
        }
    }
}
