using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>
/// The probe rules of one rule, compiled once: for every element of its left-hand side, a rule made of the elements
/// up to it (and, for a pattern, of the elements before it plus the pattern with only its first conditions; likewise
/// for an aggregate's conditions on its value); for a <c>not</c>, what it negates, made positive; for a
/// <c>forall</c>, the facts it ranges over that fail it; for an <c>any</c> and an <c>exists</c>, the same again for
/// each alternative and for the content, after the elements before it.
/// </summary>
/// <remarks>
/// A probe reuses the rule's own elements and conditions (the same compiled tests, the same declarations) and has a
/// no-op action; it is never fired: its matches are read from the agenda of a session holding the facts the real
/// rules left. A probe with matches means its prefix matched, so the first prefix without any names the failing
/// element, and the probes' matches name the facts and the conditions involved. Nothing is evaluated outside the
/// engine.
/// </remarks>
internal sealed class RuleProbes
{
    private static readonly ActionElement NoOp = new(
        Expression.Lambda(Expression.Empty(), Expression.Parameter(typeof(IActionContext), "context")),
        []);

    private readonly RuleDefinition _rule;
    private readonly List<RuleDefinition> _definitions = [];

    private RuleProbes(RuleDefinition rule)
    {
        _rule = rule;
        Root = Path([], rule.LeftHandSide.Elements);
        Compiled = RuleCompiler.Compile(_definitions);
    }

    /// <summary>The probes of the rule's left-hand side.</summary>
    public ProbePath Root { get; }

    /// <summary>The probes, compiled (without the real rules: they run in a session of their own).</summary>
    public CompiledRuleSet Compiled { get; }

    /// <summary>Builds and compiles the probes of <paramref name="rule"/>.</summary>
    /// <exception cref="RuleCompilationException">The engine rejected a probe (a defect of the explainer: see <see cref="WhyNot"/>).</exception>
    public static RuleProbes For(RuleDefinition rule) => new(rule);

    /// <summary>
    /// Why <paramref name="rule"/> cannot be explained, given what building or compiling its probes threw: named
    /// after the rule, with the exception's message. Probes are parts of a rule the engine accepted, so any failure
    /// here is a defect of the explainer (or of the engine), not of the rule.
    /// </summary>
    public static string WhyNot(RuleDefinition rule, Exception failure) => failure is RuleCompilationException
        ? $"Rule '{rule.Id}' cannot be explained: the engine rejected a probe of it: {failure.Message}"
        : $"Rule '{rule.Id}' cannot be explained: building its probes failed ({failure.GetType().Name}): {failure.Message}";

    /// <summary>Probes for a sequence of elements that must all match, after <paramref name="before"/> (which matched).</summary>
    private ProbePath Path(IReadOnlyList<RuleElement> before, IReadOnlyList<RuleElement> path)
    {
        var steps = new List<ProbeStep>(path.Count);
        for (var k = 0; k < path.Count; k++)
        {
            var prefix = before.Concat(path.Take(k)).ToList();
            var element = path[k];
            var whole = Probe(prefix, element);
            IReadOnlyList<RuleDefinition> prefixes = [];
            RuleDefinition? blocking = null;
            IReadOnlyList<ProbePath> inner = [];
            switch (element)
            {
                case PatternElement pattern:
                    prefixes = Enumerable.Range(0, pattern.Conditions.Count)
                        .Select(j => Probe(prefix, new PatternElement(pattern.Declaration, pattern.Conditions.Take(j).ToArray())))
                        .ToArray();
                    break;
                case AggregateElement aggregate:
                    prefixes = Enumerable.Range(0, aggregate.ResultConditions.Count)
                        .Select(j => Probe(prefix, new AggregateElement(aggregate.Result, aggregate.Kind, aggregate.Source, aggregate.Selector, aggregate.ResultConditions.Take(j).ToArray())))
                        .ToArray();
                    break;
                case NotElement not:
                    blocking = Probe(prefix, Flatten(not.Source));
                    break;
                case ForAllElement forAll:
                    blocking = Probe(prefix, forAll.BasePattern, new NotElement(forAll.Patterns.Count == 1 ? forAll.Patterns[0] : new AndElement(forAll.Patterns)));
                    break;
                case ExistsElement exists:
                    inner = [Path(prefix, Flatten(exists.Source))];
                    break;
                case OrElement or:
                    inner = or.Elements.Select(alternative => Path(prefix, Flatten(alternative))).ToArray();
                    break;
            }

            steps.Add(new ProbeStep(k, path.Count, element, whole, prefixes, blocking, inner));
        }

        return new ProbePath(steps);
    }

    private RuleDefinition Probe(List<RuleElement> prefix, params IReadOnlyList<RuleElement> elements)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{_rule.Id}#probe/{_definitions.Count}");
        var probe = new RuleDefinition(id, new AndElement([.. prefix, .. elements]), [NoOp], properties: _rule.Properties);
        _definitions.Add(probe);
        return probe;
    }

    private static IReadOnlyList<RuleElement> Flatten(RuleElement element) => element is AndElement and ? and.Elements : [element];
}

/// <summary>The probes of a sequence of elements that must all match.</summary>
internal sealed record ProbePath(IReadOnlyList<ProbeStep> Steps);

/// <summary>
/// The probes of one element: <paramref name="Whole"/> (the elements before it and the element), the prefixes of its
/// conditions (a pattern's, or an aggregate's on its value: prefix j holds the first j), the blocking probe (a not's
/// content made positive, or a forall's counter-examples) and the paths inside it (an any's alternatives, an exists'
/// content).
/// </summary>
internal sealed record ProbeStep(
    int Index,
    int Count,
    RuleElement Element,
    RuleDefinition Whole,
    IReadOnlyList<RuleDefinition> Prefixes,
    RuleDefinition? Blocking,
    IReadOnlyList<ProbePath> Inner);
