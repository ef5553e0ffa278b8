using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Checks one rule before it is built: declaration names unique, every declaration used by a condition,
/// binding, aggregate or action bound earlier (or the pattern's own), and value types fitting. Every problem
/// is reported, not only the first.
/// </summary>
internal static class RuleValidator
{
    public static void CheckNames(RuleDefinition rule, ICollection<string> errors)
    {
        var byName = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        foreach (var declaration in Declared(rule.LeftHandSide))
        {
            if (byName.TryGetValue(declaration.Name, out var existing))
            {
                if (!ReferenceEquals(existing, declaration))
                {
                    errors.Add($"declaration name '{declaration.Name}' is used for two different declarations.");
                }
            }
            else
            {
                byName.Add(declaration.Name, declaration);
            }
        }
    }

    /// <summary>Refuses an alternative deeper than <see cref="RuleCompiler.MaxLevels"/> (see there why).</summary>
    public static void CheckDepth(IReadOnlyList<NormalElement> elements, ICollection<string> errors)
    {
        if (Depth(elements) > RuleCompiler.MaxLevels)
        {
            errors.Add(
                $"the conditions stack more than {RuleCompiler.MaxLevels} levels (each pattern and binding is one, an aggregate two, a not/exists/forall one plus what it contains); " +
                "split the rule: one rule inserts a fact that the next one matches.");
        }
    }

    /// <summary>The levels one alternative stacks (see <see cref="RuleCompiler.MaxLevels"/>); counting stops once past the limit.</summary>
    public static int Depth(IReadOnlyList<NormalElement> elements) => Depth(elements, 0);

    // Stops once past the limit, so a rule nested without end cannot overflow the check itself.
    private static int Depth(IReadOnlyList<NormalElement> elements, int start)
    {
        var level = start;
        var deepest = start;
        foreach (var element in elements)
        {
            if (deepest > RuleCompiler.MaxLevels)
            {
                break;
            }

            switch (element)
            {
                case NormalConditional conditional:
                    deepest = Math.Max(deepest, Depth(conditional.Source, level + 1));
                    break;
                case NormalAggregate:
                    deepest = Math.Max(deepest, level + 2);
                    break;
            }

            level++;
            deepest = Math.Max(deepest, level);
        }

        return deepest;
    }

    public static void CheckAlternative(RuleDefinition rule, IReadOnlyList<NormalElement> elements, ICollection<string> errors)
    {
        var scope = new HashSet<Declaration>(ReferenceEqualityComparer.Instance);
        CheckConjunction(elements, scope, errors);
        foreach (var action in rule.Actions)
        {
            CheckReferences("an action", action.Parameters, scope, null, errors);
        }
    }

    private static void CheckConjunction(IReadOnlyList<NormalElement> elements, HashSet<Declaration> scope, ICollection<string> errors)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case NormalPattern { Pattern: var pattern }:
                    CheckPattern(pattern, scope, errors);
                    Declare(pattern.Declaration, scope, errors);
                    break;
                case NormalBinding { Binding: var binding }:
                    CheckReferences($"binding '{binding.Declaration.Name}'", binding.Value.Parameters, scope, null, errors);
                    if (!binding.Declaration.Type.IsAssignableFrom(binding.Value.Expression.ReturnType))
                    {
                        errors.Add($"binding '{binding.Declaration.Name}' of type {binding.Declaration.Type.Name} cannot receive a value of type {binding.Value.Expression.ReturnType.Name}.");
                    }

                    Declare(binding.Declaration, scope, errors);
                    break;
                case NormalAggregate { Aggregate: var aggregate }:
                    CheckAggregate(aggregate, scope, errors);
                    Declare(aggregate.Result, scope, errors);
                    break;
                case NormalConditional conditional:
                    // Declarations inside not/exists are visible only inside it.
                    CheckConjunction(conditional.Source, new HashSet<Declaration>(scope, ReferenceEqualityComparer.Instance), errors);
                    break;
            }
        }
    }

    private static void CheckPattern(PatternElement pattern, HashSet<Declaration> scope, ICollection<string> errors)
    {
        foreach (var condition in pattern.Conditions)
        {
            CheckReferences($"a condition of '{pattern.Declaration.Name}'", condition.Parameters, scope, pattern.Declaration, errors);
        }
    }

    private static void CheckAggregate(AggregateElement aggregate, HashSet<Declaration> scope, ICollection<string> errors)
    {
        var source = aggregate.Source;
        var name = aggregate.Result.Name;
        CheckPattern(source, scope, errors);
        if (scope.Contains(source.Declaration))
        {
            errors.Add($"declaration '{source.Declaration.Name}' is bound twice.");
        }

        if (aggregate.Selector is { } selector)
        {
            if (selector.Parameters.Count != 1 || !ReferenceEquals(selector.Parameters[0], source.Declaration))
            {
                errors.Add($"the selector of aggregate '{name}' must take only the source declaration '{source.Declaration.Name}'.");
            }
        }

        var withResult = new HashSet<Declaration>(scope, ReferenceEqualityComparer.Instance) { aggregate.Result };
        foreach (var condition in aggregate.ResultConditions)
        {
            CheckReferences($"a condition on aggregate '{name}'", condition.Parameters, withResult, null, errors);
        }

        var expected = ResultType(aggregate);
        if (expected is not null && !aggregate.Result.Type.IsAssignableFrom(expected))
        {
            errors.Add($"aggregate '{name}' ({aggregate.Kind}) produces {Format(expected)}, which declaration type {Format(aggregate.Result.Type)} cannot hold.");
        }

        if (aggregate.Kind == AggregateKind.Sum && aggregate.Selector is not null
            && !Network.AggregateSpec.IsSummable(aggregate.Selector.Expression.ReturnType))
        {
            errors.Add($"aggregate '{name}' sums {Format(aggregate.Selector.Expression.ReturnType)}; only int, long, decimal, float and double can be summed.");
        }
    }

    /// <summary>The type an aggregate produces, or null when it cannot be determined.</summary>
    public static Type? ResultType(AggregateElement aggregate)
    {
        var source = aggregate.Source.FactType;
        var selected = aggregate.Selector?.Expression.ReturnType;
        return aggregate.Kind switch
        {
            AggregateKind.Collect => typeof(IReadOnlyList<>).MakeGenericType(source),
            AggregateKind.Count => typeof(int),
            AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max => selected,
            AggregateKind.GroupBy => selected is null ? null : typeof(FactGroup<,>).MakeGenericType(selected, source),
            _ => null,
        };
    }

    private static void CheckReferences(string what, IReadOnlyList<Declaration> parameters, HashSet<Declaration> scope, Declaration? own, ICollection<string> errors)
    {
        foreach (var parameter in parameters)
        {
            if (!ReferenceEquals(parameter, own) && !scope.Contains(parameter))
            {
                errors.Add($"{what} refers to '{parameter.Name}', which is not bound before it.");
            }
        }
    }

    private static void Declare(Declaration declaration, HashSet<Declaration> scope, ICollection<string> errors)
    {
        if (!scope.Add(declaration))
        {
            errors.Add($"declaration '{declaration.Name}' is bound twice.");
        }
    }

    private static IEnumerable<Declaration> Declared(RuleElement element)
    {
        switch (element)
        {
            case PatternElement pattern:
                yield return pattern.Declaration;
                break;
            case BindingElement binding:
                yield return binding.Declaration;
                break;
            case AggregateElement aggregate:
                yield return aggregate.Source.Declaration;
                yield return aggregate.Result;
                break;
            case AndElement and:
                foreach (var child in and.Elements)
                {
                    foreach (var d in Declared(child))
                    {
                        yield return d;
                    }
                }

                break;
            case OrElement or:
                foreach (var child in or.Elements)
                {
                    foreach (var d in Declared(child))
                    {
                        yield return d;
                    }
                }

                break;
            case NotElement not:
                foreach (var d in Declared(not.Source))
                {
                    yield return d;
                }

                break;
            case ExistsElement exists:
                foreach (var d in Declared(exists.Source))
                {
                    yield return d;
                }

                break;
            case ForAllElement forAll:
                yield return forAll.BasePattern.Declaration;
                foreach (var pattern in forAll.Patterns)
                {
                    yield return pattern.Declaration;
                }

                break;
        }
    }

    private static string Format(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", Array.ConvertAll(type.GetGenericArguments(), Format))}>";
    }
}
