using System;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Sessions;

namespace Engagement.Rules.Engine.Tests.Compilation;

/// <summary>
/// CountAlternatives and CountLevels measure a left-hand side as Compile does: what they put within the limits
/// compiles, what they put past them is refused.
/// </summary>
public sealed partial class RuleCompilerTest
{
    private static Action<RuleBuilder> Patterns(string prefix, int count) => b =>
    {
        for (var i = 0; i < count; i++)
        {
            b.Match<Customer>(prefix + i);
        }
    };

    private static RuleDefinition Ors(params int[] alternatives)
    {
        var builder = new RuleBuilder("ors");
        for (var o = 0; o < alternatives.Length; o++)
        {
            var or = o;
            builder = builder.Or(Enumerable.Range(0, alternatives[o]).Select(i => (Action<RuleBuilder>)(b => b.Match<Customer>($"c{or}", (Customer c) => c.Age == i))).ToArray());
        }

        return builder.Action((IActionContext ctx) => ctx.Halt()).Build();
    }

    [Test]
    public void CountAlternatives_OrsSideBySide_Multiply()
    {
        RuleCompiler.CountAlternatives(Ors(2, 3).LeftHandSide).Should().Be(6);
        RuleCompiler.CountAlternatives(PatternChain(3).LeftHandSide).Should().Be(1);
    }

    [TestCase(6, true)]
    [TestCase(7, false)]
    public void CountAlternatives_AgreesWithCompile(int twoWayOrs, bool compiles)
    {
        var rule = Ors(Enumerable.Repeat(2, twoWayOrs).ToArray());

        var count = RuleCompiler.CountAlternatives(rule.LeftHandSide);

        count.Should().Be(compiles ? 64 : RuleCompiler.MaxAlternatives + 1);
        var compile = () => RuleCompiler.Compile([rule]);
        if (compiles)
        {
            compile.Should().NotThrow();
        }
        else
        {
            compile.Should().Throw<RuleCompilationException>();
        }
    }

    [Test]
    public void CountAlternatives_PastTheLimitInsideNot_IsPastTheLimit()
    {
        var inner = Ors(Enumerable.Repeat(2, 7).ToArray()).LeftHandSide;
        var rule = new AndElement([new NotElement(inner)]);

        RuleCompiler.CountAlternatives(rule).Should().Be(RuleCompiler.MaxAlternatives + 1);
    }

    [Test]
    public void CountLevels_AlternativesCountApart()
    {
        // An or of 3 and of 5 patterns after one pattern: the deeper alternative stacks 6 levels, not 9.
        var rule = new RuleBuilder("apart").Match<Customer>("c").Or(Patterns("a", 3), Patterns("b", 5)).Action((IActionContext ctx) => ctx.Halt()).Build();

        RuleCompiler.CountLevels(rule.LeftHandSide).Should().Be(6);
    }

    [TestCase(0, true)]
    [TestCase(1, false)]
    public void CountLevels_AgreesWithCompile(int pastTheLimit, bool compiles)
    {
        // Two alternatives, each as deep as the limit allows (plus one): each is matched on its own.
        var depth = RuleCompiler.MaxLevels + pastTheLimit;
        var rule = new RuleBuilder("deep-or").Or(Patterns("a", depth), Patterns("b", depth)).Action((IActionContext ctx) => ctx.Halt()).Build();

        RuleCompiler.CountLevels(rule.LeftHandSide).Should().Be(depth);
        var compile = () => RuleCompiler.Compile([rule]);
        if (compiles)
        {
            compile.Should().NotThrow();
        }
        else
        {
            compile.Should().Throw<RuleCompilationException>().Which.Message.Should().Contain("levels");
        }
    }

    [Test]
    public void CountLevels_NotAndAggregate_CountAsCompileCounts()
    {
        RuleCompiler.CountLevels(NestedNots(3).LeftHandSide).Should().Be(7, "the customer, then a not and its vehicle per nesting");
        RuleCompiler.CountLevels(PatternChain(RuleCompiler.MaxLevels).LeftHandSide).Should().Be(RuleCompiler.MaxLevels);
    }
}
