using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Reference;

/// <summary>
/// The canonical key of a match: the rule id, then each declaration the match binds, in left-hand-side
/// order, with a canonical rendering of its value (a fact by its ToString, which carries its id; a collection
/// as its sorted elements; a group as its key and sorted elements), then the match's facts. Two matches are
/// the same activation exactly when their keys are equal, whichever side (engine or reference) produced them.
/// </summary>
internal static class MatchKey
{
    /// <summary>
    /// The declarations a match of the rule can bind, in left-hand-side order: patterns, bindings and aggregate
    /// results at the top level and inside the alternatives of an <c>or</c>; nothing inside not, exists, forall
    /// or an aggregate's source, which bind nothing visible.
    /// </summary>
    public static IReadOnlyList<BoundDeclaration> BoundDeclarations(RuleDefinition rule)
    {
        var result = new List<BoundDeclaration>();
        Collect(rule.LeftHandSide, result);
        return result;
    }

    /// <summary>The key of an engine match.</summary>
    public static string Of(IMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var key = Of(match.Rule, declaration => TryGetValue(match, declaration, out var value) ? (true, value) : (false, null));
        return key + " facts=" + RenderSequence(match.Facts, sort: false);
    }

    /// <summary>The value an engine match binds to a declaration, if it binds one.</summary>
    public static bool TryGetValue(IMatch match, Declaration declaration, out object? value)
    {
        ArgumentNullException.ThrowIfNull(match);
        try
        {
            value = match.GetValue(declaration);
            return true;
        }
        catch (ArgumentException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>The key of a reference match, given the values it binds.</summary>
    public static string Of(RuleDefinition rule, IReadOnlyDictionary<Declaration, object?> values)
    {
        var key = Of(rule, declaration => values.TryGetValue(declaration, out var value) ? (true, value) : (false, null));
        var facts = BoundDeclarations(rule)
            .Where(b => b.IsFact && values.ContainsKey(b.Declaration))
            .Select(b => values[b.Declaration]);
        return key + " facts=" + RenderSequence(facts, sort: false);
    }

    /// <summary>Renders a value canonically.</summary>
    public static string Render(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return "\"" + s + "\"";
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(FactGroup<,>))
        {
            var key = type.GetProperty(nameof(FactGroup<int, object>.Key))!.GetValue(value);
            var items = (IEnumerable)type.GetProperty(nameof(FactGroup<int, object>.Items))!.GetValue(value)!;
            return "group(" + Render(key) + ")" + RenderSequence(items.Cast<object?>(), sort: true);
        }

        if (value is IEnumerable sequence)
        {
            return RenderSequence(sequence.Cast<object?>(), sort: true);
        }

        return value.ToString() ?? type.Name;
    }

    private static string Of(RuleDefinition rule, Func<Declaration, (bool Bound, object? Value)> lookup)
    {
        var parts = new List<string>();
        foreach (var bound in BoundDeclarations(rule))
        {
            var (isBound, value) = lookup(bound.Declaration);
            if (isBound)
            {
                parts.Add(bound.Declaration.Name + "=" + Render(value));
            }
        }

        return rule.Id + "(" + string.Join(", ", parts) + ")";
    }

    private static string RenderSequence(IEnumerable<object?> items, bool sort)
    {
        var rendered = items.Select(Render);
        if (sort)
        {
            rendered = rendered.Order(StringComparer.Ordinal);
        }

        return "[" + string.Join(", ", rendered) + "]";
    }

    private static void Collect(RuleElement element, List<BoundDeclaration> result)
    {
        switch (element)
        {
            case PatternElement pattern:
                result.Add(new BoundDeclaration(pattern.Declaration, IsFact: true));
                break;
            case BindingElement binding:
                result.Add(new BoundDeclaration(binding.Declaration, IsFact: false));
                break;
            case AggregateElement aggregate:
                result.Add(new BoundDeclaration(aggregate.Result, IsFact: false));
                break;
            case AndElement and:
                foreach (var child in and.Elements)
                {
                    Collect(child, result);
                }

                break;
            case OrElement or:
                foreach (var alternative in or.Elements)
                {
                    Collect(alternative, result);
                }

                break;
            default:
                // not, exists and forall bind nothing visible outside themselves.
                break;
        }
    }
}
