using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Properties.Facts;
using Engagement.Rules.Engine.Tests.Reference;
using static Engagement.Rules.Engine.Tests.Reference.Build;

namespace Engagement.Rules.Engine.Tests.Properties;

/// <summary>
/// Minimal cases distilled from failures of the generated properties (engine bugs since fixed), written out so
/// they stay checked whatever seed the properties run with.
/// </summary>
public sealed class ReteNetworkRegressionTest
{
    /// <summary>
    /// forall(a: Alpha => c: Alpha where c.X &lt;= 2) holds vacuously, then still holds once an Alpha with X 1 is
    /// inserted (it satisfies its own inner pattern): it must not fire again.
    /// </summary>
    [Test]
    public void Fire_ForAllOverOneTypeWithAnInnerTestHoldingThroughAnInsert_DoesNotFireAgain()
    {
        var rule = Rule("r", new ForAllElement(Pattern(Fact<Alpha>("a")), [Pattern<Alpha>(Fact<Alpha>("c"), x => x.X <= 2)]));
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.Fire().Should().Be(1, "the forall holds vacuously");
        session.Insert(new Alpha(1, 1, 0, "a"));

        session.GetAgenda().Should().BeEmpty("the forall held before, during and after the insert");
    }

    /// <summary>exists(b: Beta and g: Gamma), p: Gamma; insert a Beta, then a Gamma: one match, not two.</summary>
    [Test]
    public void Agenda_ExistsOfConjunctionCompletedByTheTypeOfALaterPattern_OneMatch()
    {
        var rule = Rule(
            "r",
            new ExistsElement(And(Pattern(Fact<Beta>("b")), Pattern(Fact<Gamma>("g")))),
            Pattern(Fact<Gamma>("p")));

        AgendaAfterInserts(rule, new Beta(1, 0, 0, "a"), new Gamma(2, 0, 0, "a"))
            .Should().BeEquivalentTo(ReferenceAfterInserts(rule, new Beta(1, 0, 0, "a"), new Gamma(2, 0, 0, "a")));
    }

    /// <summary>forall(a: Alpha => b: Beta), q: Beta; insert an Alpha, then a Beta: one match, not two.</summary>
    [Test]
    public void Agenda_ForAllSatisfiedByTheTypeOfALaterPattern_OneMatch()
    {
        var rule = Rule(
            "r",
            new ForAllElement(Pattern(Fact<Alpha>("a")), [Pattern(Fact<Beta>("b"))]),
            Pattern(Fact<Beta>("q")));

        AgendaAfterInserts(rule, new Alpha(1, 0, 0, "a"), new Beta(2, 0, 0, "a"))
            .Should().BeEquivalentTo(ReferenceAfterInserts(rule, new Alpha(1, 0, 0, "a"), new Beta(2, 0, 0, "a")));
    }

    /// <summary>The same shape with the sub-network's own element order reversed.</summary>
    [Test]
    public void Agenda_ExistsOfConjunctionStartingWithTheTypeOfALaterPattern_OneMatch()
    {
        var rule = Rule(
            "r",
            new ExistsElement(And(Pattern(Fact<Gamma>("g")), Pattern(Fact<Beta>("b")))),
            Pattern(Fact<Gamma>("p")));

        AgendaAfterInserts(rule, new Beta(1, 0, 0, "a"), new Gamma(2, 0, 0, "a"))
            .Should().BeEquivalentTo(ReferenceAfterInserts(rule, new Beta(1, 0, 0, "a"), new Gamma(2, 0, 0, "a")));
    }

    /// <summary>
    /// forall(b: Beta => c: Beta) holds throughout (every Beta is matched by itself): after it fired, inserting and
    /// retracting a Beta must not fire it again.
    /// </summary>
    [Test]
    public void Fire_ForAllOverOneTypeHoldingThroughARetract_DoesNotFireAgain()
    {
        var rule = Rule("r", new ForAllElement(Pattern(Fact<Beta>("b")), [Pattern(Fact<Beta>("c"))]));
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var beta = new Beta(1, 0, 0, "a");

        session.Fire().Should().Be(1, "the forall holds vacuously");
        session.Insert(beta);
        session.Fire().Should().Be(0, "the forall still holds");
        session.Retract(beta);

        session.GetAgenda().Should().BeEmpty("the forall held before, during and after the retract");
    }

    /// <summary>
    /// exists(a1: Alpha and not(a2: Alpha where a2.Y &lt; a1.Y)) ("there is an Alpha with the smallest Y") holds as
    /// long as any Alpha exists. Inserting an Alpha with a smaller Y moves the witness but the exists holds
    /// throughout: it must not fire again.
    /// </summary>
    [Test]
    public void Fire_ExistsWhoseWitnessMovesOnInsert_DoesNotFireAgain()
    {
        var a1 = Fact<Alpha>("a1");
        var a2 = Fact<Alpha>("a2");
        System.Linq.Expressions.Expression<System.Func<Alpha, Alpha, bool>> smaller = (x, y) => x.Y < y.Y;
        var rule = Rule("r", new ExistsElement(And(Pattern(a1), new NotElement(Pattern(a2, Condition(smaller, a2, a1))))));
        var session = RuleCompiler.Compile([rule]).CreateSession();
        session.Insert(new Alpha(1, 0, 2, "a"));
        session.Fire().Should().Be(1);

        session.Insert(new Alpha(2, 0, 0, "a"));

        session.GetAgenda().Should().BeEmpty("the exists held before, during and after the insert");
    }

    /// <summary>
    /// The same moving witness with a collect after the exists: the exists' output goes and comes back within the
    /// insert, so the collect below it is recomputed as a new collection, of the same facts. The match (same facts,
    /// same collected facts) held throughout: it must not fire again.
    /// </summary>
    [Test]
    public void Fire_CollectBelowExistsWhoseWitnessMovesOnInsert_DoesNotFireAgain()
    {
        var all = new Declaration("all", typeof(IReadOnlyList<Gamma>));
        var session = RuleCompiler.Compile([WitnessMovesThen(new AggregateElement(all, AggregateKind.Collect, Pattern(Fact<Gamma>("g"))))])
            .CreateSession();
        session.Insert(new Alpha(1, 0, 2, "a"));
        session.Insert(new Gamma(3, 0, 0, "a"));
        session.Fire().Should().Be(1);

        session.Insert(new Alpha(2, 0, 0, "a"));

        session.GetAgenda().Should().BeEmpty("the exists held throughout and the collected facts did not change");
    }

    /// <summary>As above with a group-by: the group (same key, same facts) is made anew, the match is the same.</summary>
    [Test]
    public void Fire_GroupBelowExistsWhoseWitnessMovesOnInsert_DoesNotFireAgain()
    {
        var g = Fact<Gamma>("g");
        var group = new Declaration("group", typeof(FactGroup<int, Gamma>));
        System.Linq.Expressions.Expression<System.Func<Gamma, int>> key = x => x.X;
        var session = RuleCompiler.Compile(
            [WitnessMovesThen(new AggregateElement(group, AggregateKind.GroupBy, Pattern(g), new ValueExpression(key, [g])))])
            .CreateSession();
        session.Insert(new Alpha(1, 0, 2, "a"));
        session.InsertAll([new Gamma(3, 0, 0, "a"), new Gamma(4, 0, 0, "b"), new Gamma(5, 1, 0, "a")]);
        session.Fire().Should().Be(2, "one match per group");

        session.Insert(new Alpha(2, 0, 0, "a"));

        session.GetAgenda().Should().BeEmpty("the exists held throughout and neither group's facts changed");
    }

    /// <summary>
    /// What stays a change: a collected fact updated in place (the collection holds the same object) makes the
    /// collect's value a new one, so the match fires again, as an update of a collected fact always did.
    /// </summary>
    [Test]
    public void Fire_CollectedFactUpdatedInPlace_FiresAgain()
    {
        var all = new Declaration("all", typeof(IReadOnlyList<Alpha>));
        var rule = Rule("r", new AggregateElement(all, AggregateKind.Collect, Pattern(Fact<Alpha>("a"))));
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var alpha = new Alpha(1, 0, 0, "a");
        session.Insert(alpha);
        session.Fire().Should().Be(1);

        alpha.X = 1;
        session.Update(alpha);

        session.Fire().Should().Be(1, "the collected fact changed");
    }

    /// <summary>
    /// A collected fact retracted and inserted again (the same object) before the agenda is read: the collect is
    /// recomputed once, over a new fact of the same object. As with the agenda read in between (and as for a plain
    /// pattern), that is a new match: whether the host looked at the agenda must not change what fires.
    /// </summary>
    [Test]
    public void Fire_CollectedFactRetractedAndInsertedAgainBeforeTheAgendaIsRead_FiresAgain()
    {
        var all = new Declaration("all", typeof(IReadOnlyList<Alpha>));
        var rule = Rule("r", new AggregateElement(all, AggregateKind.Collect, Pattern(Fact<Alpha>("a"))));
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var alpha = new Alpha(1, 0, 0, "a");
        session.Insert(alpha);
        session.Fire().Should().Be(1);

        session.Retract(alpha);
        session.Insert(alpha);

        session.Fire().Should().Be(1, "the collected fact is a new fact (its object inserted again)");
    }

    /// <summary>As above with a group-by: the group's only fact is a new fact of the same object.</summary>
    [Test]
    public void Fire_GroupedFactRetractedAndInsertedAgainBeforeTheAgendaIsRead_FiresAgain()
    {
        var a = Fact<Alpha>("a");
        var group = new Declaration("group", typeof(FactGroup<int, Alpha>));
        System.Linq.Expressions.Expression<System.Func<Alpha, int>> key = x => x.X;
        var rule = Rule("r", new AggregateElement(group, AggregateKind.GroupBy, Pattern(a), new ValueExpression(key, [a])));
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var alpha = new Alpha(1, 0, 0, "a");
        session.Insert(alpha);
        session.Fire().Should().Be(1);

        session.Retract(alpha);
        session.Insert(alpha);

        session.Fire().Should().Be(1, "the grouped fact is a new fact (its object inserted again)");
    }

    /// <summary>exists(a1: Alpha and not(a2: Alpha where a2.Y &lt; a1.Y)) followed by <paramref name="next"/>.</summary>
    private static RuleDefinition WitnessMovesThen(RuleElement next)
    {
        var a1 = Fact<Alpha>("a1");
        var a2 = Fact<Alpha>("a2");
        System.Linq.Expressions.Expression<System.Func<Alpha, Alpha, bool>> smaller = (x, y) => x.Y < y.Y;
        return Rule("r", new ExistsElement(And(Pattern(a1), new NotElement(Pattern(a2, Condition(smaller, a2, a1))))), next);
    }

    private static List<string> AgendaAfterInserts(RuleDefinition rule, params object[] facts)
    {
        var session = RuleCompiler.Compile([rule]).CreateSession();
        foreach (var fact in facts)
        {
            session.Insert(fact);
        }

        return session.GetAgenda().Select(MatchKey.Of).ToList();
    }

    private static List<string> ReferenceAfterInserts(RuleDefinition rule, params object[] facts) =>
        new ReferenceMatcher().Match([rule], facts).Select(m => m.Key).ToList();
}
