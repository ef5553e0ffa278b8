using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Properties;

/// <summary>Renders rules readably for failure messages, so a failing generated case can be understood and rewritten by hand.</summary>
public static class RulePrinter
{
    public static string Describe(IEnumerable<RuleDefinition> rules) => string.Join("\n", rules.Select(Describe));

    public static string Describe(RuleDefinition rule)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{rule.Id} (priority {rule.Priority}):");
        foreach (var element in rule.LeftHandSide.Elements)
        {
            text.Append("\n  ").Append(Describe(element));
        }

        return text.ToString();
    }

    private static string Describe(RuleElement element) => element switch
    {
        PatternElement p => $"{p.Declaration.Name}: {p.FactType.Name}"
            + (p.Conditions.Count == 0 ? string.Empty : " where " + string.Join(" and ", p.Conditions.Select(c => c.Expression.ToString()))),
        AndElement a => "and(" + string.Join("; ", a.Elements.Select(Describe)) + ")",
        OrElement o => "or(" + string.Join(" | ", o.Elements.Select(Describe)) + ")",
        NotElement n => "not(" + Describe(n.Source) + ")",
        ExistsElement e => "exists(" + Describe(e.Source) + ")",
        ForAllElement f => "forall(" + Describe(f.BasePattern) + " => " + string.Join("; ", f.Patterns.Select(Describe)) + ")",
        BindingElement b => $"let {b.Declaration.Name} = {b.Value.Expression}",
        AggregateElement g => $"{g.Result.Name} = {g.Kind}({Describe(g.Source)}"
            + (g.Selector is null ? string.Empty : $", {g.Selector.Expression}") + ")"
            + (g.ResultConditions.Count == 0 ? string.Empty : " where " + string.Join(" and ", g.ResultConditions.Select(c => c.Expression.ToString()))),
        _ => element.GetType().Name,
    };
}
