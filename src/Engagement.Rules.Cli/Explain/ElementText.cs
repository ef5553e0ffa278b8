using System.Globalization;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Cli.Explain;

/// <summary>Describes rule elements and conditions for people.</summary>
internal static class ElementText
{
    public static string Describe(RuleElement element) => element switch
    {
        PatternElement p => $"pattern {p.Declaration.Name}: {p.FactType.Name}",
        NotElement => "not (no matching facts may exist)",
        ExistsElement => "exists",
        AggregateElement a => $"{a.Kind.ToString().ToLowerInvariant()} into {a.Result.Name}",
        BindingElement b => $"let {b.Declaration.Name}",
        OrElement o => $"any of {o.Elements.Count.ToString(CultureInfo.InvariantCulture)} alternatives",
        ForAllElement f => $"forall {f.BasePattern.Declaration.Name}: {f.BasePattern.FactType.Name}",
        _ => element.GetType().Name,
    };

    /// <summary>The condition as its rule wrote it; the compiled expression's text for a condition without one (built in C#, or the rule's 'effective' dates).</summary>
    public static string Describe(ConditionElement condition) => condition.Text ?? condition.Expression.Body.ToString();

    public static string Source(RuleDefinition rule) =>
        rule.Properties.TryGetValue(RuleDefinition.SourceProperty, out var source) && source is not null
            ? System.Convert.ToString(source, CultureInfo.InvariantCulture) ?? string.Empty
            : string.Empty;
}
