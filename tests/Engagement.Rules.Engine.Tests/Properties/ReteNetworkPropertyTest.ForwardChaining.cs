using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using CsCheck;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Properties.Facts;
using Engagement.Rules.Engine.Tests.Properties.Generation;
using Engagement.Rules.Engine.Tests.Reference;
using static Engagement.Rules.Engine.Tests.Reference.Build;

namespace Engagement.Rules.Engine.Tests.Properties;

public sealed partial class ReteNetworkPropertyTest
{
    private static readonly Gen<(int Variant, int Constant, int Priority)[]> ChainingRules =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 3]).Array[1, 3];

    /// <summary>
    /// Forward chaining: generated rules over the base facts each insert a <see cref="Derived"/> fact per match;
    /// chaining rules over derived facts (positive patterns and exists only, so the result does not depend on the
    /// firing order) derive further, up to level 3. One Fire must reach the reference fixpoint: every match of
    /// the final memory fired exactly once, and the derived facts are exactly those of the fixpoint.
    /// </summary>
    [Test]
    public void Fire_ForwardChaining_ReachesTheReferenceFixpoint()
    {
        Gen.Select(RuleGen.RuleSet, ChainingRules, FactGen.InsertUpdateRetract).Sample(
            UnlessPastMatchGuard<RuleSpec[], (int Variant, int Constant, int Priority)[], FactOpSpec[]>((specs, chaining, ops) =>
            {
                var fired = new List<string>();
                var rules = RuleSpecBuilder.Build(specs, _ => Action(ctx => FireAndDerive(ctx, fired))).ToList();
                rules.AddRange(chaining.Select((c, i) => ChainingRule(i, c.Variant, c.Constant, c.Priority, ctx => FireAndDerive(ctx, fired))));
                var session = RuleCompiler.Compile(rules).CreateSession(new SessionOptions { MaxFiringsPerFire = 1_000_000 });
                var world = new FactWorld();
                var log = new List<string>();
                foreach (var op in ops.Take(12))
                {
                    log.Add(world.Apply(op, session));
                }

                session.Fire();
                log.Add($"fire ({fired.Count} fired)");

                var (expectedFired, expectedDerived) = Fixpoint(rules, world.Facts);
                var difference = Multiset.Difference(expectedFired, fired);
                if (difference is not null)
                {
                    Fail("The firings differ from the reference fixpoint", rules, log, difference);
                }

                difference = Multiset.Difference(expectedDerived, session.Query<Derived>().Select(d => d.ToString()));
                if (difference is not null)
                {
                    Fail("The derived facts differ from the reference fixpoint", rules, log, difference);
                }

                if (session.GetAgenda().Count != 0)
                {
                    Fail("The agenda is not empty after Fire", rules, log, string.Join("\n    ", session.GetAgenda().Select(MatchKey.Of)));
                }
            }),
            iter: Iterations(100),
            threads: 1,
            print: t => Print(t.Item1, t.Item3) + "\nchaining: " + string.Join(", ", t.Item2));
    }

    private static void FireAndDerive(IActionContext context, List<string> fired)
    {
        var key = MatchKey.Of(context.Match);
        fired.Add(key);
        context.Insert(Derive(context.Match.Rule, d => MatchKey.TryGetValue(context.Match, d, out var v) ? v : null, key));
    }

    /// <summary>The fact a match derives: level 1 from a base rule, one level up from a chaining rule.</summary>
    private static Derived Derive(RuleDefinition rule, Func<Declaration, object?> value, string key)
    {
        var bound = MatchKey.BoundDeclarations(rule).Select(b => value(b.Declaration)).Where(v => v is not null).ToList();
        var derived = bound.OfType<Derived>().FirstOrDefault();
        if (derived is null)
        {
            return new Derived(key, 1, bound.OfType<ITestFact>().Select(f => f.X).FirstOrDefault());
        }

        var alpha = bound.OfType<Alpha>().FirstOrDefault();
        return new Derived(key, derived.Level + 1, alpha?.Y ?? (derived.Value + 1) % 4);
    }

    private static (List<string> Fired, List<string> Derived) Fixpoint(IReadOnlyList<RuleDefinition> rules, IReadOnlyList<object> baseFacts)
    {
        var reference = new ReferenceMatcher();
        var facts = baseFacts.ToList();
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var derived = new List<string>();
        while (true)
        {
            var fresh = reference.Match(rules, facts).Where(m => !fired.Contains(m.Key)).ToList();
            if (fresh.Count == 0)
            {
                return (fired.ToList(), derived);
            }

            foreach (var match in fresh)
            {
                fired.Add(match.Key);
                var fact = Derive(match.Rule, d => match.Values.TryGetValue(d, out var v) ? v : null, match.Key);
                facts.Add(fact);
                derived.Add(fact.ToString());
            }
        }
    }

    /// <summary>
    /// A chaining rule: 0 = every derived fact below level 3; 1 = joined to an Alpha whose X is its value;
    /// 2 = with a given value, when some Beta has that X.
    /// </summary>
    private static RuleDefinition ChainingRule(int index, int variant, int constant, int priority, Action<IActionContext> onFire)
    {
        var id = "L" + index.ToString(CultureInfo.InvariantCulture);
        var d = Fact<Derived>("d");
        var derived = Pattern<Derived>(d, x => x.Level < 3);
        RuleElement[] elements;
        switch (variant)
        {
            case 0:
                elements = [derived];
                break;
            case 1:
                var a = Fact<Alpha>("a");
                Expression<Func<Alpha, Derived, bool>> join = (x, y) => x.X == y.Value;
                elements = [derived, Pattern(a, Condition(join, a, d))];
                break;
            default:
                var b = Fact<Beta>("b");
                Expression<Func<Derived, bool>> value = x => x.Value == constant;
                Expression<Func<Beta, Derived, bool>> exists = (x, y) => x.X == y.Value;
                elements = [Pattern(d, derived.Conditions[0], Condition(value, d)), new ExistsElement(Pattern(b, Condition(exists, b, d)))];
                break;
        }

        return new RuleDefinition(id, new AndElement(elements), [Action(onFire)], priority);
    }
}
