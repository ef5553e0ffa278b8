using System;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Model;

public sealed class RuleDefinitionTest
{
    [Test]
    public void Constructor_NoAction_Throws()
    {
        var act = () => new RuleDefinition("r1", new AndElement([]), []);

        act.Should().Throw<ArgumentException>().WithMessage("*'r1' has no action*");
    }

    [Test]
    public void Constructor_ListChangedAfterwards_KeepsItsOwnCopy()
    {
        var context = Expression.Parameter(typeof(IActionContext), "ctx");
        var action = new ActionElement(Expression.Lambda(Expression.Empty(), context), []);
        var actions = new System.Collections.Generic.List<ActionElement> { action };

        var rule = new RuleDefinition("r1", new AndElement([]), actions);
        actions.Clear();

        rule.Actions.Should().ContainSingle();
    }
}
