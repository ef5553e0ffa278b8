using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Properties.Facts;
using static Engagement.Rules.Engine.Tests.Reference.Build;

namespace Engagement.Rules.Engine.Tests.Reference;

/// <summary>The oracle must be right before it judges the engine: hand-checked cases for every element kind.</summary>
public sealed class ReferenceMatcherTest
{
    private static readonly Alpha A1 = new(1, 1, 0, "a");
    private static readonly Alpha A2 = new(2, 2, 0, "b");
    private static readonly Alpha A3 = new(3, 3, 1, "a");
    private static readonly Beta B4 = new(4, 2, 0, "a");
    private static readonly Beta B5 = new(5, 3, 0, "b");

    [Test]
    public void Match_ConstantTest_MatchesOnlySatisfyingFacts()
    {
        var a = Fact<Alpha>("a");
        var rule = Rule("r", Pattern<Alpha>(a, x => x.X >= 2));

        Keys(rule, A1, A2, A3, B4).Should().BeEquivalentTo(
            "r(a=A2(X=2,Y=0,S=b)) facts=[A2(X=2,Y=0,S=b)]",
            "r(a=A3(X=3,Y=1,S=a)) facts=[A3(X=3,Y=1,S=a)]");
    }

    [Test]
    public void Match_EqualityJoin_MatchesEveryJoinedPair()
    {
        var a = Fact<Alpha>("a");
        var b = Fact<Beta>("b");
        Expression<System.Func<Alpha, Beta, bool>> join = (x, y) => x.X == y.X;
        var rule = Rule("r", Pattern(a), Pattern(b, Condition(join, a, b)));

        Pairs(rule, A1, A2, A3, B4, B5).Should().BeEquivalentTo(["A2 B4", "A3 B5"]);
    }

    [Test]
    public void Match_InequalityJoinWithParametersInEitherOrder_MatchesPairs()
    {
        var a = Fact<Alpha>("a");
        var b = Fact<Beta>("b");
        Expression<System.Func<Beta, Alpha, bool>> join = (y, x) => y.X < x.X;
        var rule = Rule("r", Pattern(a), Pattern(b, Condition(join, b, a)));

        Pairs(rule, A1, A2, A3, B4, B5).Should().BeEquivalentTo(["A3 B4"]);
    }

    [Test]
    public void Match_SameTypeTwice_PairsIncludeAFactWithItself()
    {
        var a = Fact<Alpha>("a");
        var c = Fact<Alpha>("c");
        Expression<System.Func<Alpha, Alpha, bool>> join = (x, y) => x.S == y.S;
        var rule = Rule("r", Pattern(a), Pattern(c, Condition(join, a, c)));

        Pairs(rule, A1, A2, A3).Should().BeEquivalentTo(["A1 A1", "A1 A3", "A3 A1", "A3 A3", "A2 A2"]);
    }

    [Test]
    public void Match_Not_HoldsOnlyWithoutABlockingFact()
    {
        var a = Fact<Alpha>("a");
        var b = Fact<Beta>("b");
        Expression<System.Func<Alpha, Beta, bool>> join = (x, y) => x.X == y.X;
        var rule = Rule("r", Pattern(a), new NotElement(Pattern(b, Condition(join, a, b))));

        Pairs(rule, A1, A2, A3, B4).Should().BeEquivalentTo(["A1", "A3"]);
    }

    [Test]
    public void Match_NotOfConjunction_BlocksOnlyWhenTheWholeConjunctionMatches()
    {
        var b = Fact<Beta>("b");
        var c = Fact<Alpha>("c");
        Expression<System.Func<Beta, Alpha, bool>> join = (y, x) => y.X == x.X && x.Y == 1;
        var rule = Rule("r", new NotElement(And(Pattern(b), Pattern(c, Condition(join, b, c)))));

        Keys(rule, A1, A2, B4).Should().ContainSingle("no B has an A with the same X and Y 1");
        Keys(rule, A3, B5).Should().BeEmpty("B5 and A3 match the conjunction");
    }

    [Test]
    public void Match_Exists_HoldsOnceHoweverManyFactsMatch()
    {
        var a = Fact<Alpha>("a");
        var rule = Rule("r", new ExistsElement(Pattern<Alpha>(a, x => x.S == "a")));

        Keys(rule, A1, A2, A3).Should().Equal("r() facts=[]");
        Keys(rule, A2).Should().BeEmpty();
    }

    [Test]
    public void Match_ForAll_VacuousTrueAndFalseOnACounterExample()
    {
        // forall A with S == "a": there is a B with the same X.
        var a = Fact<Alpha>("a");
        var b = Fact<Beta>("b");
        Expression<System.Func<Beta, Alpha, bool>> join = (y, x) => y.X == x.X;
        var rule = Rule("r", new ForAllElement(Pattern<Alpha>(a, x => x.S == "a"), [Pattern(b, Condition(join, b, a))]));

        Keys(rule, A2, B4).Should().ContainSingle("no A has S == a: vacuously true");
        Keys(rule, A3, B5).Should().ContainSingle("A3 has B5");
        Keys(rule, A1, A3, B5).Should().BeEmpty("A1 has no B with X 1");
    }

    [Test]
    public void Match_Or_OneMatchSetPerAlternative()
    {
        var a1 = Fact<Alpha>("a1");
        var a2 = Fact<Alpha>("a2");
        var rule = Rule("r", new OrElement([Pattern<Alpha>(a1, x => x.X >= 2), Pattern<Alpha>(a2, x => x.S == "a")]));

        Keys(rule, A1, A2, A3).Should().BeEquivalentTo(
            "r(a1=A2(X=2,Y=0,S=b)) facts=[A2(X=2,Y=0,S=b)]",
            "r(a1=A3(X=3,Y=1,S=a)) facts=[A3(X=3,Y=1,S=a)]",
            "r(a2=A1(X=1,Y=0,S=a)) facts=[A1(X=1,Y=0,S=a)]",
            "r(a2=A3(X=3,Y=1,S=a)) facts=[A3(X=3,Y=1,S=a)]");
    }

    [Test]
    public void Match_Binding_BindsTheComputedValueForLaterConditions()
    {
        var a = Fact<Alpha>("a");
        var k = new Declaration("k", typeof(int));
        var b = Fact<Beta>("b");
        Expression<System.Func<Alpha, int>> twice = x => x.X * 2;
        Expression<System.Func<Beta, int, bool>> join = (y, n) => y.X == n;
        var rule = Rule("r", Pattern(a), new BindingElement(k, twice, [a]), Pattern(b, Condition(join, b, k)));

        Keys(rule, A1, A2, B4).Should().Equal("r(a=A1(X=1,Y=0,S=a), k=2, b=B4(X=2,Y=0,S=a)) facts=[A1(X=1,Y=0,S=a), B4(X=2,Y=0,S=a)]");
    }

    [Test]
    public void Match_CollectOverNoFact_IsOneMatchWithAnEmptyList()
    {
        var a = Fact<Alpha>("a");
        var all = new Declaration("all", typeof(IReadOnlyList<Alpha>));
        var rule = Rule("r", new AggregateElement(all, AggregateKind.Collect, Pattern<Alpha>(a, x => x.X > 5)));

        Keys(rule, A1, A2).Should().Equal("r(all=[]) facts=[]");
        var match = new ReferenceMatcher().Match([rule], [A1]).Single();
        match.Values[all].Should().BeAssignableTo<IReadOnlyList<Alpha>>();
    }

    [Test]
    public void Match_CollectJoinedToAnEarlierFact_CollectsPerOuterFact()
    {
        var b = Fact<Beta>("b");
        var a = Fact<Alpha>("a");
        var all = new Declaration("all", typeof(IReadOnlyList<Alpha>));
        Expression<System.Func<Alpha, Beta, bool>> join = (x, y) => x.X <= y.X;
        Expression<System.Func<IReadOnlyList<Alpha>, bool>> atLeastTwo = l => l.Count >= 2;
        var rule = Rule(
            "r",
            Pattern(b),
            new AggregateElement(all, AggregateKind.Collect, Pattern(a, Condition(join, a, b)), resultConditions: [Condition(atLeastTwo, all)]));

        Keys(rule, A3, A2, A1, B4, B5).Should().BeEquivalentTo(
            "r(b=B4(X=2,Y=0,S=a), all=[A1(X=1,Y=0,S=a), A2(X=2,Y=0,S=b)]) facts=[B4(X=2,Y=0,S=a)]",
            "r(b=B5(X=3,Y=0,S=b), all=[A1(X=1,Y=0,S=a), A2(X=2,Y=0,S=b), A3(X=3,Y=1,S=a)]) facts=[B5(X=3,Y=0,S=b)]");
    }

    [Test]
    public void Match_CountSumMinMax_OverSomeAndOverNoFacts()
    {
        var a = Fact<Alpha>("a");
        Expression<System.Func<Alpha, int>> x = f => f.X;
        RuleDefinition Aggregate(AggregateKind kind) => Rule(
            kind.ToString(),
            new AggregateElement(
                new Declaration("v", typeof(int)), kind, Pattern(a), kind == AggregateKind.Count ? null : new ValueExpression(x, [a])));
        var rules = new[] { AggregateKind.Count, AggregateKind.Sum, AggregateKind.Min, AggregateKind.Max }.Select(Aggregate).ToList();

        new ReferenceMatcher().Match(rules, [A2, A1, A3]).Select(m => m.Key).Should().Equal(
            "Count(v=3) facts=[]", "Sum(v=6) facts=[]", "Min(v=1) facts=[]", "Max(v=3) facts=[]");
        new ReferenceMatcher().Match(rules, [B4]).Select(m => m.Key).Should().Equal(
            "Count(v=0) facts=[]", "Sum(v=0) facts=[]");
    }

    [Test]
    public void Match_GroupBy_OneMatchPerNonEmptyGroup()
    {
        var a = Fact<Alpha>("a");
        var group = new Declaration("g", typeof(FactGroup<string, Alpha>));
        Expression<System.Func<Alpha, string>> s = f => f.S;
        var rule = Rule("r", new AggregateElement(group, AggregateKind.GroupBy, Pattern(a), new ValueExpression(s, [a])));

        Keys(rule, A1, A2, A3).Should().Equal(
            "r(g=group(\"a\")[A1(X=1,Y=0,S=a), A3(X=3,Y=1,S=a)]) facts=[]",
            "r(g=group(\"b\")[A2(X=2,Y=0,S=b)]) facts=[]");
        Keys(rule).Should().BeEmpty();
    }

    [Test]
    public void Match_MutatedFact_ReflectsTheCurrentFieldValues()
    {
        var fact = new Alpha(9, 0, 0, "c");
        var a = Fact<Alpha>("a");
        var rule = Rule("r", Pattern<Alpha>(a, x => x.X == 1));

        Keys(rule, fact).Should().BeEmpty();
        fact.X = 1;
        Keys(rule, fact).Should().ContainSingle();
    }

    private static List<string> Keys(RuleDefinition rule, params object[] facts) =>
        new ReferenceMatcher().Match([rule], facts).Select(m => m.Key).ToList();

    private static List<string> Pairs(RuleDefinition rule, params object[] facts) =>
        new ReferenceMatcher().Match([rule], facts)
            .Select(m => string.Join(" ", MatchKey.BoundDeclarations(rule).Where(b => b.IsFact).Select(b => Short(m.Values[b.Declaration]))))
            .ToList();

    private static string Short(object? fact) => fact switch
    {
        Alpha alpha => "A" + alpha.Id,
        Beta beta => "B" + beta.Id,
        _ => "?",
    };
}
