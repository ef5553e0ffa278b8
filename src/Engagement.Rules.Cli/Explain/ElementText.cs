using System.Globalization;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Cli.Explain;

/// <summary>Describes rule elements for people, in the words the tool's output has always used.</summary>
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
        AndElement a => $"all of {a.Elements.Count.ToString(CultureInfo.InvariantCulture)} items",
        _ => element.GetType().Name,
    };
}
