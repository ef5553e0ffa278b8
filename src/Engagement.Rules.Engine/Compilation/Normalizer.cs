using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>A left-hand-side element after normalisation: no and/or/forall left, only what the network builds.</summary>
internal abstract class NormalElement
{
}

internal sealed class NormalPattern : NormalElement
{
    public NormalPattern(PatternElement pattern)
    {
        Pattern = pattern;
    }

    public PatternElement Pattern { get; }
}

internal sealed class NormalBinding : NormalElement
{
    public NormalBinding(BindingElement binding)
    {
        Binding = binding;
    }

    public BindingElement Binding { get; }
}

internal sealed class NormalAggregate : NormalElement
{
    public NormalAggregate(AggregateElement aggregate)
    {
        Aggregate = aggregate;
    }

    public AggregateElement Aggregate { get; }
}

/// <summary>not/exists over a conjunction (forall is rewritten to not(base and not(patterns))).</summary>
internal sealed class NormalConditional : NormalElement
{
    public NormalConditional(bool exists, IReadOnlyList<NormalElement> source)
    {
        Exists = exists;
        Source = source;
    }

    public bool Exists { get; }

    public IReadOnlyList<NormalElement> Source { get; }
}

/// <summary>
/// Puts a left-hand side in disjunctive normal form: one flat conjunction per alternative of its
/// <c>or</c>s (each becomes its own terminal). <c>not(a or b)</c> becomes <c>not a, not b</c>;
/// <c>exists(a or b)</c> becomes <c>not(not a, not b)</c>.
/// </summary>
internal static class Normalizer
{
    public const int MaxAlternatives = 64;

    /// <summary>The error of an expansion past <see cref="MaxAlternatives"/>, of the whole or of a not/exists content.</summary>
    public static readonly string TooManyAlternatives = $"the 'or' alternatives expand to more than {MaxAlternatives} conjunctions.";

    public static List<List<NormalElement>> Normalize(RuleElement element, List<string> errors)
    {
        var result = new List<List<NormalElement>>();
        foreach (var alternative in Dnf(element, errors))
        {
            var flat = new List<NormalElement>();
            foreach (var item in alternative)
            {
                Convert(item, flat, errors);
            }

            result.Add(flat);
        }

        return result;
    }

    private static List<List<RuleElement>> Dnf(RuleElement element, List<string> errors)
    {
        switch (element)
        {
            case AndElement and:
                var product = new List<List<RuleElement>> { new() };
                foreach (var child in and.Elements)
                {
                    var childAlternatives = Dnf(child, errors);
                    var next = new List<List<RuleElement>>();
                    foreach (var prefix in product)
                    {
                        foreach (var suffix in childAlternatives)
                        {
                            var combined = new List<RuleElement>(prefix);
                            combined.AddRange(suffix);
                            next.Add(combined);
                        }
                    }

                    if (next.Count > MaxAlternatives)
                    {
                        errors.Add(TooManyAlternatives);
                        return product;
                    }

                    product = next;
                }

                return product;
            case OrElement or:
                var union = new List<List<RuleElement>>();
                foreach (var child in or.Elements)
                {
                    union.AddRange(Dnf(child, errors));
                    if (union.Count > MaxAlternatives)
                    {
                        errors.Add(TooManyAlternatives);
                        return union;
                    }
                }

                return union;
            default:
                return new List<List<RuleElement>> { new() { element } };
        }
    }

    private static void Convert(RuleElement element, List<NormalElement> output, List<string> errors)
    {
        switch (element)
        {
            case PatternElement pattern:
                output.Add(new NormalPattern(pattern));
                break;
            case BindingElement binding:
                output.Add(new NormalBinding(binding));
                break;
            case AggregateElement aggregate:
                output.Add(new NormalAggregate(aggregate));
                break;
            case NotElement not:
                // not(a or b) == not a and not b.
                foreach (var alternative in Normalize(not.Source, errors))
                {
                    output.Add(new NormalConditional(exists: false, alternative));
                }

                break;
            case ExistsElement exists:
                var alternatives = Normalize(exists.Source, errors);
                if (alternatives.Count == 1)
                {
                    output.Add(new NormalConditional(exists: true, alternatives[0]));
                    break;
                }

                // exists(a or b) == not(not a and not b): one match however many alternatives hold (an exists per
                // alternative, as the or's split would give, would fire once per alternative).
                var none = new List<NormalElement>();
                foreach (var alternative in alternatives)
                {
                    none.Add(new NormalConditional(exists: false, alternative));
                }

                output.Add(new NormalConditional(exists: false, none));
                break;
            case ForAllElement forAll:
                var inner = new List<NormalElement>();
                foreach (var pattern in forAll.Patterns)
                {
                    inner.Add(new NormalPattern(pattern));
                }

                output.Add(new NormalConditional(
                    exists: false,
                    new List<NormalElement> { new NormalPattern(forAll.BasePattern), new NormalConditional(exists: false, inner) }));
                break;
            default:
                errors.Add($"unsupported element {element.GetType().Name}.");
                break;
        }
    }
}
