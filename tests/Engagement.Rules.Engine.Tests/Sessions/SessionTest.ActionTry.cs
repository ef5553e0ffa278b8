using System.Collections.Generic;

namespace Engagement.Rules.Engine.Tests.Sessions;

/// <summary>The Try* operations of an action: the session's Try* semantics, from inside a firing rule.</summary>
public sealed partial class SessionTest
{
    [Test]
    public void TryUpdate_FromAnAction_UpdatesAFactThereAndIgnoresOneNotThere()
    {
        var results = new List<string>();
        var seen = new List<string>();
        var bump = new RuleBuilder("bump").Priority(1).Match<Vehicle>("v")
            .Action((IActionContext ctx, Vehicle v) => Record(results, v.Id, ctx.TryUpdate(new Counter(v.OwnerId, v.Id))))
            .Build();
        var watch = new RuleBuilder("watch").Match<Counter>("c")
            .Action((IActionContext _, Counter c) => seen.Add(c.Id + "=" + c.Value))
            .Build();
        var session = Session(bump, watch);
        session.InsertAll([new Counter(1, 0), new Vehicle(7, 1), new Vehicle(8, 2)]);

        session.Fire();

        results.Should().BeEquivalentTo("7:True", "8:False");
        session.Query<Counter>().Should().Equal(new Counter(1, 7));
        seen.Should().Equal(["1=7"], "the update reached the rules as Update does; no counter 2 was inserted");
    }

    [Test]
    public void TryRetract_FromAnAction_RemovesOnceAndSecondIsANoOp()
    {
        var results = new List<string>();
        var drop = new RuleBuilder("drop").Match<Vehicle>("v")
            .Action((IActionContext ctx, Vehicle v) => Record(results, v.Id, ctx.TryRetract(new Counter(v.OwnerId, 0))))
            .Build();
        var session = Session(drop);
        session.InsertAll([new Counter(1, 5), new Vehicle(7, 1), new Vehicle(8, 1)]);

        session.Fire().Should().Be(2, "the second firing does not fail for the counter already gone");

        results.Should().HaveCount(2).And.ContainSingle(r => r.EndsWith(":True")).And.ContainSingle(r => r.EndsWith(":False"));
        session.Query<Counter>().Should().BeEmpty("retracted by identity: Counter(1, 0) names the stated Counter(1, 5)");
    }

    [Test]
    public void UpdateAndRetract_FromAnActionOnAFactNotThere_FailTheActionWhereTryDoesNot()
    {
        var update = Session(new RuleBuilder("u").Match<Vehicle>("v").Action((IActionContext ctx, Vehicle v) => ctx.Update(new Counter(v.OwnerId, 1))).Build());
        var retract = Session(new RuleBuilder("r").Match<Vehicle>("v").Action((IActionContext ctx, Vehicle v) => ctx.Retract(new Counter(v.OwnerId, 1))).Build());
        update.Insert(new Vehicle(7, 1));
        retract.Insert(new Vehicle(7, 1));

        update.Invoking(s => s.Fire()).Should().Throw<RuleActionException>().WithInnerException<FactException>();
        retract.Invoking(s => s.Fire()).Should().Throw<RuleActionException>().WithInnerException<FactException>();
    }

    private static void Record(List<string> results, int id, bool done) => results.Add(id + ":" + done);
}
