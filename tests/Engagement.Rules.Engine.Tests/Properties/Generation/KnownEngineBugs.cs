using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Properties.Generation;

/// <summary>
/// Rule shapes that trigger engine bugs already reported (/work/wt/engine-bugs.md) and pinned by the ignored
/// cases in <see cref="ReteNetworkRegressionTest"/>. The properties skip these shapes so that they keep finding
/// new bugs instead of the same ones; set <see cref="Enabled"/> to false (or delete this class) once fixed.
/// </summary>
public static class KnownEngineBugs
{
    public static bool Enabled => Environment.GetEnvironmentVariable("ENGINE_PROPERTY_KNOWN_BUGS") != "include";

    /// <summary>Whether a rule has one of the shapes.</summary>
    public static bool Affects(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!Enabled)
        {
            return false;
        }

        var elements = rule.LeftHandSide.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is not (NotElement or ExistsElement or ForAllElement))
            {
                continue;
            }

            var inside = TypesInside(elements[i]);

            // Bug 1 (duplicate activation): a type inside a not/exists/forall that a later element also matches.
            if (elements.Skip(i + 1).Any(later => TypesInside(later).Overlaps(inside)))
            {
                return true;
            }

            // Bug 2 (spurious re-activation): a forall whose base type is also the type of an inner pattern.
            if (elements[i] is ForAllElement forAll && forAll.Patterns.Any(p => p.FactType == forAll.BasePattern.FactType))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<Type> TypesInside(RuleElement element) => Patterns(element).Select(p => p.FactType).ToHashSet();

    private static IEnumerable<PatternElement> Patterns(RuleElement element) => element switch
    {
        PatternElement p => [p],
        AndElement a => a.Elements.SelectMany(Patterns),
        OrElement o => o.Elements.SelectMany(Patterns),
        NotElement n => Patterns(n.Source),
        ExistsElement e => Patterns(e.Source),
        ForAllElement f => Patterns(f.BasePattern).Concat(f.Patterns.SelectMany(Patterns)),
        AggregateElement g => Patterns(g.Source),
        _ => [],
    };
}
