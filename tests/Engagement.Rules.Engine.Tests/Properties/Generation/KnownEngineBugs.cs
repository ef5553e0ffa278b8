using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Properties.Generation;

/// <summary>
/// Rule shapes that trigger an engine bug already reported (/work/wt/engine-bugs.md, bug 5) and pinned by an
/// ignored case in <see cref="ReteNetworkRegressionTest"/>. The properties skip these shapes so that they keep
/// finding new bugs instead of the same one and CI stays green; set the environment variable
/// <c>ENGINE_PROPERTY_KNOWN_BUGS=include</c> to generate them anyway. Delete this class once the bug is fixed.
/// </summary>
public static class KnownEngineBugs
{
    private static bool Include => Environment.GetEnvironmentVariable("ENGINE_PROPERTY_KNOWN_BUGS") == "include";

    /// <summary>
    /// Bug 5: a not/exists over (first and not/exists(second)) where first and second are of one type, so one
    /// fact enters both levels.
    /// </summary>
    public static bool Affects(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return !Include && rule.LeftHandSide.Elements.Any(element => element switch
        {
            NotElement { Source: AndElement and } => SharesTypeAcrossLevels(and),
            ExistsElement { Source: AndElement and } => SharesTypeAcrossLevels(and),
            _ => false,
        });
    }

    private static bool SharesTypeAcrossLevels(AndElement and)
    {
        var outer = and.Elements.OfType<PatternElement>().Select(p => p.FactType).ToHashSet();
        return and.Elements.Any(e => e switch
        {
            NotElement n => Types(n.Source).Overlaps(outer),
            ExistsElement x => Types(x.Source).Overlaps(outer),
            _ => false,
        });
    }

    private static HashSet<Type> Types(RuleElement element) => element switch
    {
        PatternElement p => [p.FactType],
        AndElement a => a.Elements.SelectMany(Types).ToHashSet(),
        _ => [],
    };
}
