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
