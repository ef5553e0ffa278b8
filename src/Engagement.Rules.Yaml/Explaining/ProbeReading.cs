using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>
/// Reads the matches of one rule's probes (the agenda of their session) into the first failing element of each path.
/// </summary>
internal sealed class ProbeReading
{
    private readonly Dictionary<RuleDefinition, List<IMatch>> _matches = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyDictionary<object, int> _order;
    private readonly int _maxListed;

    /// <param name="agenda">The probes' matches.</param>
    /// <param name="order">Each fact's position in the session, to list candidates in the order they entered it.</param>
    /// <param name="maxListed">The most entries of a list.</param>
    public ProbeReading(IReadOnlyList<IMatch> agenda, IReadOnlyDictionary<object, int> order, int maxListed)
    {
        foreach (var match in agenda)
        {
            if (!_matches.TryGetValue(match.Rule, out var list))
            {
                _matches[match.Rule] = list = [];
            }

            list.Add(match);
        }

        _order = order;
        _maxListed = maxListed;
    }

    /// <summary>The first element of <paramref name="path"/> without a match; null when every element matched.</summary>
    public ElementFailure? FirstFailure(ProbePath path)
    {
        foreach (var step in path.Steps)
        {
            if (!Has(step.Whole))
            {
                return Failure(step);
            }
        }

        return null;
    }

    private ElementFailure Failure(ProbeStep step) => step.Element switch
    {
        PatternElement pattern => PatternFailure(step, pattern),
        AggregateElement aggregate => AggregateFailure(step, aggregate),
        NotElement not => BlockingFailure(step, ElementFailureKind.NegationMatched, Bound(not.Source)),
        ForAllElement forAll => BlockingFailure(step, ElementFailureKind.CounterExample, [forAll.BasePattern.Declaration]),
        ExistsElement => new ElementFailure(ElementFailureKind.NothingExists, step.Index, step.Count, step.Element, inner: InnerFailures(step)),
        OrElement => new ElementFailure(ElementFailureKind.NoAlternativeMatched, step.Index, step.Count, step.Element, inner: InnerFailures(step)),
        _ => new ElementFailure(ElementFailureKind.Other, step.Index, step.Count, step.Element),
    };

    private ElementFailure[] InnerFailures(ProbeStep step) =>
        step.Inner.Select(FirstFailure).OfType<ElementFailure>().ToArray();

    private ElementFailure PatternFailure(ProbeStep step, PatternElement pattern)
    {
        var conditions = pattern.Conditions;
        if (conditions.Count == 0 || !Has(step.Prefixes[0]))
        {
            return new ElementFailure(ElementFailureKind.NoFacts, step.Index, step.Count, step.Element);
        }

        // passed[j]: the facts that passed the first j conditions with some match of the elements before (j < n); none
        // passed all n, since the whole pattern found no match.
        var passed = step.Prefixes.Select(probe => Facts(probe, pattern.Declaration)).ToArray();
        var firstFailing = Array.FindIndex(passed, 1, set => set.Count == 0) is var empty and > 0 ? empty - 1 : conditions.Count - 1;
        var explained = new ExplainedCondition?[conditions.Count];
        ExplainedCondition Explained(int j) => explained[j] ??= new ExplainedCondition(j, conditions[j]);

        var candidates = InSessionOrder(passed[0]);
        var listed = candidates.Take(_maxListed).Select(fact =>
        {
            var rejectedAt = Array.FindIndex(passed, 1, set => !set.Contains(fact)) is var j and > 0 ? j - 1 : conditions.Count - 1;
            return new RejectedCandidate(fact, Explained(rejectedAt));
        }).ToArray();
        return new ElementFailure(
            ElementFailureKind.ConditionRejected, step.Index, step.Count, step.Element, Explained(firstFailing), candidates.Count, listed);
    }

    private ElementFailure AggregateFailure(ProbeStep step, AggregateElement aggregate)
    {
        var conditions = aggregate.ResultConditions;
        if (conditions.Count == 0 || !Has(step.Prefixes[0]))
        {
            return new ElementFailure(ElementFailureKind.AggregateEmpty, step.Index, step.Count, step.Element);
        }

        var firstFailing = conditions.Count - 1;
        for (var j = 1; j < conditions.Count; j++)
        {
            if (!Has(step.Prefixes[j]))
            {
                firstFailing = j - 1;
                break;
            }
        }

        // The values that passed the conditions before the failing one: it rejected every one of them.
        var condition = new ExplainedCondition(firstFailing, conditions[firstFailing]);
        var values = new List<object?>();
        var seen = new HashSet<object?>();
        foreach (var match in Matches(step.Prefixes[firstFailing]))
        {
            var value = match.GetValue(aggregate.Result);
            if (seen.Add(value))
            {
                values.Add(value);
            }
        }

        return new ElementFailure(
            ElementFailureKind.AggregateRejected,
            step.Index,
            step.Count,
            step.Element,
            condition,
            values.Count,
            values.Take(_maxListed).Select(v => new RejectedCandidate(v, condition)).ToArray());
    }

    private ElementFailure BlockingFailure(ProbeStep step, ElementFailureKind kind, IReadOnlyList<Declaration> bound)
    {
        var tuples = new List<object[]>();
        var seen = new HashSet<object[]>(TupleComparer.Instance);
        foreach (var match in Matches(step.Blocking!))
        {
            var facts = bound.Select(d => TryValue(match, d)).OfType<object>().ToArray();
            if (facts.Length > 0 && seen.Add(facts))
            {
                tuples.Add(facts);
            }
        }

        return new ElementFailure(
            kind, step.Index, step.Count, step.Element, blockingCount: tuples.Count, blocking: tuples.Take(_maxListed).Select(t => new RuleMatch(t)).ToArray());
    }

    /// <summary>The declarations of the facts an element binds when it matches (inside an any: those of the alternative that matched).</summary>
    private static List<Declaration> Bound(RuleElement element)
    {
        var result = new List<Declaration>();
        Collect(element);
        return result;

        void Collect(RuleElement e)
        {
            switch (e)
            {
                case PatternElement pattern:
                    result.Add(pattern.Declaration);
                    break;
                case AndElement and:
                    foreach (var child in and.Elements)
                    {
                        Collect(child);
                    }

                    break;
                case OrElement or:
                    foreach (var alternative in or.Elements)
                    {
                        Collect(alternative);
                    }

                    break;
            }
        }
    }

    private static object? TryValue(IMatch match, Declaration declaration)
    {
        try
        {
            return match.GetValue(declaration);
        }
        catch (ArgumentException)
        {
            // A declaration of an alternative that did not match here.
            return null;
        }
    }

    private bool Has(RuleDefinition probe) => _matches.ContainsKey(probe);

    private List<IMatch> Matches(RuleDefinition probe) => _matches.TryGetValue(probe, out var list) ? list : [];

    private HashSet<object> Facts(RuleDefinition probe, Declaration declaration)
    {
        var facts = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var match in Matches(probe))
        {
            if (match.GetValue(declaration) is { } fact)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    private List<object> InSessionOrder(HashSet<object> facts) =>
        facts.OrderBy(f => _order.TryGetValue(f, out var i) ? i : int.MaxValue).ToList();

    /// <summary>Tuples of facts compared by reference, element by element.</summary>
    private sealed class TupleComparer : IEqualityComparer<object[]>
    {
        public static readonly TupleComparer Instance = new();

        public bool Equals(object[]? x, object[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Length == y.Length && x.Zip(y).All(p => ReferenceEquals(p.First, p.Second)));

        public int GetHashCode(object[] obj)
        {
            var hash = new HashCode();
            foreach (var fact in obj)
            {
                hash.Add(RuntimeHelpers.GetHashCode(fact));
            }

            return hash.ToHashCode();
        }
    }
}
