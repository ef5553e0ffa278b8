using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;

namespace Engagement.Rules.Cli.Explain;

/// <summary>
/// Finds out, for one customer, which rules fired and, for each rule that did not, the first element of its
/// left-hand side (and, for a pattern, the first condition) with no match.
/// </summary>
/// <remarks>
/// Method (docs/cli.md): the customer's facts are inserted into a session of the real rules, which is fired; the
/// rules seen firing are recorded. For every rule that did not fire, "probe" rules are compiled next to the real
/// rules: one per prefix of its left-hand side (elements 1..k) and, for a pattern element, one per prefix of that
/// pattern's conditions. The probes have a no-op action, so they change nothing; the real rules still run (so facts
/// that rules insert for other rules, e.g. signals, are there). A probe that fires means its prefix matched. The
/// first prefix that never fires names the failing element and condition. This is exact for the engine's
/// semantics (same compiled conditions, same facts) but says "first", not "only": later elements may fail too.
/// </remarks>
internal static class RuleProbe
{
    private const string Marker = "#probe";

    public static ProbeReport Run(IReadOnlyList<RuleDefinition> rules, CustomerFacts facts, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);

        var firstPass = RuleCompiler.Compile(rules);
        var fired = new Dictionary<string, List<IReadOnlyList<object>>>(StringComparer.Ordinal);
        Fire(firstPass, facts, context, match =>
        {
            if (!fired.TryGetValue(match.Rule.Id, out var list))
            {
                fired[match.Rule.Id] = list = [];
            }

            list.Add(match.Facts.ToArray());
        });

        var silent = rules.Where(r => !fired.ContainsKey(r.Id)).ToArray();
        var probes = new Dictionary<string, Probe>(StringComparer.Ordinal);
        foreach (var rule in silent)
        {
            foreach (var probe in ProbesOf(rule))
            {
                probes.Add(probe.Definition.Id, probe);
            }
        }

        var matched = new HashSet<string>(StringComparer.Ordinal);
        if (probes.Count > 0)
        {
            var withProbes = RuleCompiler.Compile(rules.Concat(probes.Values.Select(p => p.Definition)));
            Fire(withProbes, facts, context, match =>
            {
                if (probes.ContainsKey(match.Rule.Id))
                {
                    matched.Add(match.Rule.Id);
                }
            });
        }

        var failures = silent.Select(rule => FirstFailure(rule, probes.Values.Where(p => p.Rule == rule).ToArray(), matched)).ToArray();
        return new ProbeReport(
            rules.Where(r => fired.ContainsKey(r.Id)).Select(r => new FiredRule(r, fired[r.Id])).ToArray(),
            failures);
    }

    private static void Fire(CompiledRuleSet compiled, CustomerFacts facts, EvaluationContext context, Action<IMatch> onFired)
    {
        using var session = compiled.CreateSession();
        session.Events.RuleFired += (_, e) => onFired(e.Match);
        session.Insert(context);
        session.Insert(facts.Customer);
        session.Insert(facts.Dealership);
        session.InsertAll(facts.Facts);
        session.Fire();
    }

    private static RuleFailure FirstFailure(RuleDefinition rule, Probe[] probes, HashSet<string> matched)
    {
        var elements = rule.LeftHandSide.Elements;
        for (var k = 0; k < elements.Count; k++)
        {
            var whole = probes.Single(p => p.ElementIndex == k && p.IsWholeElement);
            if (matched.Contains(whole.Definition.Id))
            {
                continue;
            }

            if (elements[k] is PatternElement pattern)
            {
                // Probe j holds the pattern's first j conditions; the first that never fired added the failing one.
                var partial = probes.Where(p => p.ElementIndex == k && !p.IsWholeElement).OrderBy(p => p.ConditionCount);
                foreach (var probe in partial)
                {
                    if (!matched.Contains(probe.Definition.Id))
                    {
                        return new RuleFailure(rule, k, elements[k], probe.ConditionCount == 0 ? null : probe.ConditionCount - 1, probe.ConditionCount == 0 ? null : pattern.Conditions[probe.ConditionCount - 1]);
                    }
                }

                // Every proper prefix matched, so the last condition is the one that fails.
                return new RuleFailure(rule, k, elements[k], pattern.Conditions.Count - 1, pattern.Conditions[^1]);
            }

            return new RuleFailure(rule, k, elements[k], null, null);
        }

        return new RuleFailure(rule, null, null, null, null);
    }

    private static IEnumerable<Probe> ProbesOf(RuleDefinition rule)
    {
        var elements = rule.LeftHandSide.Elements;
        for (var k = 0; k < elements.Count; k++)
        {
            var before = elements.Take(k).ToList();
            if (elements[k] is PatternElement pattern)
            {
                for (var j = 0; j < pattern.Conditions.Count; j++)
                {
                    var partial = new PatternElement(pattern.Declaration, pattern.Conditions.Take(j).ToArray());
                    yield return Make(rule, k, j, [.. before, partial], isWhole: false);
                }
            }

            yield return Make(rule, k, null, [.. before, elements[k]], isWhole: true);
        }
    }

    private static Probe Make(RuleDefinition rule, int element, int? conditions, List<RuleElement> lhs, bool isWhole)
    {
        var id = $"{rule.Id}{Marker}/{element}/{(isWhole ? "all" : conditions)}";
        var definition = new RuleDefinition(id, new AndElement(lhs), [NoOp], priority: int.MinValue);
        return new Probe(rule, definition, element, conditions ?? -1, isWhole);
    }

    private static readonly ActionElement NoOp = new(
        Expression.Lambda(Expression.Empty(), Expression.Parameter(typeof(IActionContext), "context")),
        []);

    private sealed record Probe(RuleDefinition Rule, RuleDefinition Definition, int ElementIndex, int ConditionCount, bool IsWholeElement);
}

/// <summary>A rule that fired, with the facts of each firing.</summary>
internal sealed record FiredRule(RuleDefinition Rule, IReadOnlyList<IReadOnlyList<object>> Matches);

/// <summary>
/// Why a rule did not fire: the first element (0-based) with no match and, for a pattern, its first failing
/// condition (null when no fact of the type matched even without conditions). Element null: every element matched
/// but the rule still did not fire.
/// </summary>
internal sealed record RuleFailure(RuleDefinition Rule, int? ElementIndex, RuleElement? Element, int? ConditionIndex, ConditionElement? Condition);

/// <summary>The outcome of <see cref="RuleProbe.Run"/>.</summary>
internal sealed record ProbeReport(IReadOnlyList<FiredRule> Fired, IReadOnlyList<RuleFailure> NotFired);
