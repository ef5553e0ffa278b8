using System.Linq;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed partial class SessionTest
{
    // Small batches are checked by scanning, large ones (past 32 facts) through the identity dictionaries.
    [TestCase(5)]
    [TestCase(100)]
    public void InsertAll_SameIdentityAsAnEarlierFactOfTheBatch_InsertsNothing(int count)
    {
        var session = Session(new RuleBuilder("r").Match<Counter>("c").Action((IActionContext ctx) => ctx.Halt()).Build());
        var batch = Enumerable.Range(1, count).Select(i => (object)new Counter(i, 0)).Append(new Counter(count / 2, 99)).ToArray();

        var act = () => session.InsertAll(batch);

        act.Should().Throw<FactException>().Which.Fact.Should().Be(new Counter(count / 2, 99));
        session.Query<Counter>().Should().BeEmpty("nothing of a batch with a duplicate is inserted");
        session.InsertAll(batch.Take(count));
        session.Query<Counter>().Should().HaveCount(count, "a failed batch leaves no reservation behind");
    }

    [TestCase(5)]
    [TestCase(100)]
    public void UpdateAndRetract_AnotherVersionOfAnIdentityFact_FindTheInsertedOne(int count)
    {
        var session = Session(new RuleBuilder("r").Match<Counter>("c", c => c.Value > 10).Action((IActionContext ctx) => ctx.Halt()).Build());
        session.InsertAll(Enumerable.Range(1, count).Select(i => (object)new Counter(i, 0)));
        session.Insert(new Note("by reference"));

        session.Update(new Counter(3, 42));
        session.GetAgenda().Single().Facts.Should().Equal(new Counter(3, 42));
        session.TryInsert(new Counter(3, 7)).Should().BeFalse("the identity is already in the session");
        session.TryInsert(new Note("by reference")).Should().BeTrue("a fact without identity is found by reference only");

        session.Retract(new Counter(3, -1));

        session.GetAgenda().Should().BeEmpty();
        session.Query<Counter>().Should().HaveCount(count - 1).And.NotContain(c => c.Id == 3);
    }

    [Test]
    public void RetractAndReinsert_IdentitiesWhoseHashesAllCollide_EveryFactStillFoundExactlyOnce()
    {
        var session = Session(new RuleBuilder("r").Match<Colliding>("c").Action((IActionContext ctx) => ctx.Halt()).Build());
        session.InsertAll(Enumerable.Range(0, 60).Select(i => (object)new Colliding(i)));

        foreach (var i in Enumerable.Range(0, 60).Where(i => i % 3 == 0))
        {
            session.Retract(new Colliding(i));
        }

        Enumerable.Range(0, 60).Select(i => session.TryInsert(new Colliding(i)))
            .Should().Equal(Enumerable.Range(0, 60).Select(i => i % 3 == 0), "exactly the retracted ones are missing");
        session.Query<Colliding>().Select(c => c.Id).Order().Should().Equal(Enumerable.Range(0, 60));
        session.GetAgenda().Should().HaveCount(60);
    }

    // Facts found by reference are kept in a run per type in the lookup, up to a few of them (FactLookup.TypeRun); later
    // ones are filed under their own hash. Each must still be found by its reference, and only by it.
    [TestCase(false)]
    [TestCase(true)]
    public void InsertAndRetract_ManyFactsFoundByReferenceOfOneType_EachFoundByItsReferenceOnly(bool asBatch)
    {
        var session = Session(new RuleBuilder("r").Match<Note>("n").Action((IActionContext ctx) => ctx.Halt()).Build());
        session.InsertAll(Enumerable.Range(1, 12).Select(i => (object)new Counter(i, 0)));
        var notes = Enumerable.Range(0, 40).Select(_ => new Note("same")).ToArray();
        if (asBatch)
        {
            session.InsertAll(notes);
        }
        else
        {
            foreach (var note in notes)
            {
                session.Insert(note);
            }
        }

        notes.Select(session.TryInsert).Should().OnlyContain(inserted => !inserted, "every note is in the session");
        session.TryRetract(new Note("same")).Should().BeFalse("an equal note is another fact");
        var late = new Note("late");
        var duplicated = () => session.InsertAll(Enumerable.Range(0, 20).Select(_ => (object)new Note("new")).Append(late).Append(late));
        duplicated.Should().Throw<FactException>().Which.Fact.Should().BeSameAs(late);

        foreach (var note in notes.Where((_, i) => i % 2 == 0))
        {
            session.Retract(note);
        }

        notes.Select(session.TryInsert).Should().Equal(notes.Select((_, i) => i % 2 == 0), "exactly the retracted ones are missing");
        session.Query<Note>().Should().HaveCount(40, "the failed batch inserted nothing");
        session.GetAgenda().Should().HaveCount(40);
    }

    [Test]
    public void TryInsert_AFactFiledUnderItsOwnHashAfterItsTypeLostSome_StillFound()
    {
        // The note past its type's run is filed under its object's hash; retracting the first leaves room in the run,
        // where the last must not be filed a second time.
        var session = Session(new RuleBuilder("r").Match<Note>("n").Action((IActionContext ctx) => ctx.Halt()).Build());
        session.InsertAll(Enumerable.Range(1, 12).Select(i => (object)new Counter(i, 0)));
        var notes = Enumerable.Range(0, Runtime.FactLookup.TypeRun + 1).Select(i => new Note($"note {i}")).ToArray();
        foreach (var note in notes)
        {
            session.Insert(note);
        }

        session.Retract(notes[0]);

        session.TryInsert(notes[^1]).Should().BeFalse("the last note is still in the session");
        session.Query<Note>().Should().HaveCount(Runtime.FactLookup.TypeRun);
        session.Retract(notes[^1]);
        session.TryRetract(notes[^1]).Should().BeFalse("it was in the session once");
    }

    [Test]
    public void Update_NewVersionOfADerivedType_EntersTheNetworkAsItsOwnType()
    {
        // A session knows each fact's runtime type (its alpha route) from when it was inserted: a new version of
        // another type with the same identity must be routed as what it is now, and the old type's match go.
        var session = Session(
            new RuleBuilder("any-shape").Match<Shape>("s").Action((IActionContext ctx) => ctx.Halt()).Build(),
            new RuleBuilder("circle").Match<Circle>("c").Action((IActionContext ctx) => ctx.Halt()).Build());
        session.Insert(new Shape(1));

        session.Update(new Circle(1, 2));

        session.GetAgenda().Select(m => m.Rule.Id).Should().BeEquivalentTo("any-shape", "circle");
        session.Update(new Shape(1));
        session.GetAgenda().Should().ContainSingle().Which.Rule.Id.Should().Be("any-shape");
    }

    /// <summary>A fact whose identity is its number, whichever of its types a version has.</summary>
    private record Shape(int Id) : IFactIdentity
    {
        public object FactIdentity => Id;
    }

    private sealed record Circle(int Id, int Radius) : Shape(Id);

    /// <summary>A fact whose identities all have one hash code: the session's lookup must rely on equality alone.</summary>
    private sealed record Colliding(int Id) : IFactIdentity
    {
        public object FactIdentity => new Key(Id);

        private sealed record Key(int Id)
        {
            public override int GetHashCode() => 42;
        }
    }
}
