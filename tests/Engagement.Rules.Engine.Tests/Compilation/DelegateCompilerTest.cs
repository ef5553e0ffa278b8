using System;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Compilation;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Tests.Compilation;

public sealed class DelegateCompilerTest
{
    private static Expression<Func<Token, object?, bool>> GreaterThan(int threshold)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        var value = Expression.Parameter(typeof(object), "value");
        return Expression.Lambda<Func<Token, object?, bool>>(
            Expression.GreaterThan(Expression.Convert(value, typeof(int)), Expression.Constant(threshold)), token, value);
    }

    /// <summary><c>value between low and high</c> as the YAML binder writes it: the value in a block local.</summary>
    private static Expression<Func<Token, object?, bool>> Between(int low, int high)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        var value = Expression.Parameter(typeof(object), "value");
        var local = Expression.Variable(typeof(int), "v");
        var body = Expression.Block(
            typeof(bool),
            [local],
            Expression.Assign(local, Expression.Convert(value, typeof(int))),
            Expression.AndAlso(Expression.GreaterThanOrEqual(local, Expression.Constant(low)), Expression.LessThanOrEqual(local, Expression.Constant(high))));
        return Expression.Lambda<Func<Token, object?, bool>>(body, token, value);
    }

    [Test]
    public void CompileShapeLater_TreesDifferingInConstants_CompileOnceAndKeepTheirConstants()
    {
        var compiler = new DelegateCompiler();
        Func<Token, object?, bool>? overThree = null;
        Func<Token, object?, bool>? overSeven = null;

        compiler.CompileShapeLater(GreaterThan(3), "r3", d => overThree = d);
        compiler.CompileShapeLater(GreaterThan(7), "r7", d => overSeven = d);
        var errors = compiler.CompilePending();

        errors.Should().BeEmpty();
        compiler.CompiledCount.Should().Be(1);
        overThree!(null!, 5).Should().BeTrue();
        overSeven!(null!, 5).Should().BeFalse();
        overSeven!(null!, 8).Should().BeTrue();
    }

    [Test]
    public void CompileShapeLater_BetweenBlocks_ShareOneShape()
    {
        var compiler = new DelegateCompiler();
        Func<Token, object?, bool>? low = null;
        Func<Token, object?, bool>? high = null;

        compiler.CompileShapeLater(Between(1, 3), "low", d => low = d);
        compiler.CompileShapeLater(Between(5, 9), "high", d => high = d);
        compiler.CompilePending();

        compiler.CompiledCount.Should().Be(1);
        low!(null!, 2).Should().BeTrue();
        low!(null!, 6).Should().BeFalse();
        high!(null!, 2).Should().BeFalse();
        high!(null!, 6).Should().BeTrue();
    }

    [Test]
    public void CompileHotLater_FewVariants_InlinesLiteralsButSharesObjectConstants()
    {
        var compiler = new DelegateCompiler();
        Func<Token, object?, bool>? overThree = null;
        Func<Token, object?, bool>? overSeven = null;
        Func<Token, object?, bool>? inFirst = null;
        Func<Token, object?, bool>? inSecond = null;

        compiler.CompileHotLater(GreaterThan(3), "r3", d => overThree = d);
        compiler.CompileHotLater(GreaterThan(7), "r7", d => overSeven = d);
        compiler.CompileHotLater(Contains([1, 2]), "first", d => inFirst = d);
        compiler.CompileHotLater(Contains([8]), "second", d => inSecond = d);
        compiler.CompilePending();

        compiler.CompiledCount.Should().Be(3, "the thresholds stay inlined; the two sets are one shape");
        overThree!(null!, 5).Should().BeTrue();
        overSeven!(null!, 5).Should().BeFalse();
        inFirst!(null!, 2).Should().BeTrue();
        inSecond!(null!, 2).Should().BeFalse();
        inSecond!(null!, 8).Should().BeTrue();
    }

    [Test]
    public void CompileHotLater_FamilyOfLiteralVariants_CompilesOnceWithEachVariantsLiterals()
    {
        var compiler = new DelegateCompiler();
        var tests = new Func<Token, object?, bool>?[DelegateCompiler.FamilySize];

        for (var i = 0; i < tests.Length; i++)
        {
            var slot = i;
            compiler.CompileHotLater(GreaterThan(i), "r" + i, d => tests[slot] = d);
        }

        compiler.CompilePending().Should().BeEmpty();

        compiler.CompiledCount.Should().Be(1);
        for (var i = 0; i < tests.Length; i++)
        {
            tests[i]!(null!, i).Should().BeFalse();
            tests[i]!(null!, i + 1).Should().BeTrue();
        }
    }

    private static Expression<Func<Token, object?, bool>> Contains(int[] set)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        var value = Expression.Parameter(typeof(object), "value");
        var contains = typeof(System.Collections.Generic.ICollection<int>).GetMethod(nameof(System.Collections.Generic.ICollection<int>.Contains))!;
        return Expression.Lambda<Func<Token, object?, bool>>(
            Expression.Call(Expression.Constant(new System.Collections.Generic.HashSet<int>(set), typeof(System.Collections.Generic.ICollection<int>)), contains, Expression.Convert(value, typeof(int))),
            token,
            value);
    }

    [Test]
    public void Compile_SameKey_CompilesOnce()
    {
        var compiler = new DelegateCompiler();
        var wraps = 0;

        var first = compiler.Compile("k", () => { wraps++; return GreaterThan(1); });
        var second = compiler.Compile("k", () => { wraps++; return GreaterThan(1); });

        second.Should().BeSameAs(first);
        wraps.Should().Be(1);
        compiler.CompiledCount.Should().Be(1);
    }

    [Test]
    public void CompilePending_TreeThatCannotCompile_ReportsEveryRuleUsingIt()
    {
        var compiler = new DelegateCompiler();
        var token = Expression.Parameter(typeof(Token), "token");
        var value = Expression.Parameter(typeof(object), "value");
        var unbound = Expression.Parameter(typeof(bool), "unbound");
        var broken = Expression.Lambda<Func<Token, object?, bool>>(unbound, token, value);
        var assigned = false;

        compiler.CompileShapeLater(broken, "first", _ => assigned = true);
        compiler.CompileShapeLater(broken, "second", _ => assigned = true);
        var errors = compiler.CompilePending();

        errors.Should().HaveCount(2);
        errors.Should().Contain(e => e.RuleId == "first").And.Contain(e => e.RuleId == "second");
        errors.Should().OnlyContain(e => e.Error is InvalidOperationException);
        assigned.Should().BeFalse();
    }
}
