using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>An element described in the rule language's words, for an element the YAML loader did not build.</summary>
internal static class ElementDescription
{
    public static string Of(RuleElement element) => element switch
    {
        PatternElement p => $"{p.Declaration.Name}: {p.FactType.Name}",
        NotElement => "not",
        ExistsElement => "exists",
        OrElement => "any",
        AndElement => "all",
        AggregateElement a => $"{a.Kind.ToString().ToLowerInvariant()} as {a.Result.Name}",
        BindingElement b => $"let {b.Declaration.Name}",
        ForAllElement f => $"forall {f.BasePattern.Declaration.Name}: {f.BasePattern.FactType.Name}",
        _ => element.GetType().Name,
    };
}
