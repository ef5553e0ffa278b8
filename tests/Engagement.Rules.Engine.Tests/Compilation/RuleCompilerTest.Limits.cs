using System;
using System.Linq;
using System.Threading;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Sessions;

namespace Engagement.Rules.Engine.Tests.Compilation;

/// <summary>Rules that would exhaust the stack or the compiler are refused at compile time.</summary>
public sealed partial class RuleCompilerTest
{
    private const int SmallStack = 256 * 1024;

    // A chain of patterns: Customer c0, Customer c1, ... (each a join level).
    private static RuleDefinition PatternChain(int patterns)
    {
        var builder = new RuleBuilder("chain");
        for (var i = 0; i < patterns; i++)
        {
            builder = builder.Match<Customer>("c" + i);
        }

        return builder.Action((IActionContext ctx) => ctx.Halt()).Build();
    }

    // Customer c, then not(vehicle 0 and not(vehicle 1 and not(...))) nested `depth` times: one match per level.
    private static RuleDefinition NestedNots(int depth)
    {
        static void Nest(RuleBuilder b, int left, int index)
        {
            b.Match<Vehicle>("v" + index, (Vehicle v) => v.Id == index);
            if (left > 0)
            {
                b.Not(inner => Nest(inner, left - 1, index + 1));
            }
        }

        return new RuleBuilder("nested")
            .Match<Customer>("c")
            .Not(b => Nest(b, depth - 1, 0))
            .Action((IActionContext ctx) => ctx.Halt())
            .Build();
    }

    private static int AgendaOnSmallStack(CompiledRuleSet rules, params object[] facts)
    {
        var count = -1;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    using var session = rules.CreateSession();
                    session.InsertAll(facts);
                    count = session.GetAgenda().Count;
                    foreach (var fact in facts.Reverse())
                    {
                        session.Retract(fact);
                    }
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            SmallStack);
        thread.Start();
        thread.Join();
        return failure is null ? count : throw new InvalidOperationException("The session failed on the small stack.", failure);
    }

    [Test]
    public void Compile_PatternChainAtTheLimit_RunsOnA256KiBStack()
    {
        var rules = RuleCompiler.Compile([PatternChain(RuleCompiler.MaxLevels)]);

        AgendaOnSmallStack(rules, new Customer(1)).Should().Be(1);
    }

    [Test]
    public void Compile_NestedNotsAtTheLimit_RunsOnA256KiBStack()
    {
        // Each nesting adds the not's level and its vehicle pattern: 1 (customer) + 2 per not.
        var rules = RuleCompiler.Compile([NestedNots((RuleCompiler.MaxLevels - 1) / 2)]);

        // A vehicle for every level: the chain of nots alternates all the way down on insert and on retract.
        var facts = new object[] { new Customer(1) }.Concat(Enumerable.Range(0, RuleCompiler.MaxLevels).Select(i => (object)new Vehicle(i, 1))).ToArray();
        AgendaOnSmallStack(rules, facts).Should().Be((RuleCompiler.MaxLevels - 1) / 2 % 2 == 0 ? 1 : 0);
    }

    [Test]
    public void Compile_PatternChainPastTheLimit_RefusedNamingTheRule()
    {
        var act = () => RuleCompiler.Compile([PatternChain(RuleCompiler.MaxLevels + 1)]);

        act.Should().Throw<RuleCompilationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<RuleCompilationError>(e => e.RuleId == "chain" && e.Message.Contains("more than 64 levels", StringComparison.Ordinal));
    }

    [Test]
    public void Compile_NestedNotsPastTheLimit_Refused()
    {
        var act = () => RuleCompiler.Compile([NestedNots(RuleCompiler.MaxLevels)]);

        act.Should().Throw<RuleCompilationException>().Which.Errors.Should().Contain(e => e.Message.Contains("levels", StringComparison.Ordinal));
    }

    [Test]
    public void Compile_OrAtMaxAlternatives_Compiles()
    {
        var alternatives = Enumerable.Range(0, RuleCompiler.MaxAlternatives)
            .Select(i => (Action<RuleBuilder>)(b => b.Match<Customer>("c", (Customer c) => c.Age == i)))
            .ToArray();
        var rule = new RuleBuilder("wide").Or(alternatives).Action((IActionContext ctx) => ctx.Halt()).Build();

        var act = () => RuleCompiler.Compile([rule]);

        act.Should().NotThrow();
    }

    [Test]
    public void Compile_OrOfTooManyAlternatives_Refused()
    {
        var alternatives = Enumerable.Range(0, RuleCompiler.MaxAlternatives + 1)
            .Select(i => (Action<RuleBuilder>)(b => b.Match<Customer>("c", (Customer c) => c.Age == i)))
            .ToArray();
        var rule = new RuleBuilder("wide").Or(alternatives).Action((IActionContext ctx) => ctx.Halt()).Build();

        var act = () => RuleCompiler.Compile([rule]);

        act.Should().Throw<RuleCompilationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain($"more than {RuleCompiler.MaxAlternatives} conjunctions");
    }
}
