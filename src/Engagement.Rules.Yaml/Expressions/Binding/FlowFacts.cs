using System.Collections.Immutable;
using Engagement.Rules.Yaml.Expressions.Functions;
using Engagement.Rules.Yaml.Expressions.Parsing;

namespace Engagement.Rules.Yaml.Expressions.Binding;

/// <summary>
/// Flow typing of missing values: the paths known to be present where an operand is evaluated. In
/// <c>has(a.b) and R</c>, <c>a.b</c> (and its prefix <c>a</c>) is present in R; in <c>not has(a.b) or R</c> too.
/// </summary>
internal static class FlowFacts
{
    public static ImmutableHashSet<string> Empty { get; } = ImmutableHashSet.Create<string>(System.StringComparer.Ordinal);

    /// <summary>The paths present whenever <paramref name="syntax"/> is true.</summary>
    public static ImmutableHashSet<string> WhenTrue(ExpressionSyntax syntax) => syntax switch
    {
        CallSyntax { Name: FunctionCatalog.Has, Arguments.Count: 1 } call when PathOf(call.Arguments[0]) is { } path => WithPrefixes(Empty, path),
        UnarySyntax { Operator: UnaryOperator.Not } not => WhenFalse(not.Operand),
        BinarySyntax { Operator: BinaryOperator.And } and => WhenTrue(and.Left).Union(WhenTrue(and.Right)),
        _ => Empty,
    };

    /// <summary>The paths present whenever <paramref name="syntax"/> is false.</summary>
    public static ImmutableHashSet<string> WhenFalse(ExpressionSyntax syntax) => syntax switch
    {
        UnarySyntax { Operator: UnaryOperator.Not } not => WhenTrue(not.Operand),
        BinarySyntax { Operator: BinaryOperator.Or } or => WhenFalse(or.Left).Union(WhenFalse(or.Right)),
        _ => Empty,
    };

    /// <summary>The dotted path of a name or field access, or null for anything else.</summary>
    public static string? PathOf(ExpressionSyntax syntax) => syntax switch
    {
        NameSyntax name => name.Name,
        MemberSyntax member when PathOf(member.Target) is { } target => target + "." + member.Name,
        _ => null,
    };

    private static ImmutableHashSet<string> WithPrefixes(ImmutableHashSet<string> facts, string path)
    {
        var result = facts.Add(path);
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            result = result.Add(path[..dot]);
        }

        return result;
    }
}
