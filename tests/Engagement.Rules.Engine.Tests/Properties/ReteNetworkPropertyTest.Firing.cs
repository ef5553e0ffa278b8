using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Engagement.Rules.Engine.Tests.Properties.Generation;
using Engagement.Rules.Engine.Tests.Reference;

namespace Engagement.Rules.Engine.Tests.Properties;

public sealed partial class ReteNetworkPropertyTest
{
    /// <summary>
    /// Refraction: between two Fire calls, exactly the matches that are new since the last Fire (or that went away
    /// and came back, or whose aggregate value changed) fire, each once, highest priority first. Only inserts and
    /// retracts, and only aggregates whose value changes with every source fact, so that "the same activation"
    /// is exactly "the same canonical key". Between two Fire calls the agenda holds exactly the matches still to fire.
    /// </summary>
    [Test]
    public void Fire_RandomInsertRetract_FiresEachNewMatchOnceInPriorityOrder()
    {
        Gen.Select(RuleGen.RuleSetWithStableKeys, FactGen.InsertRetract).Sample(
            UnlessPastMatchGuard<RuleSpec[], FactOpSpec[]>((specs, ops) =>
            {
                var fired = new List<(int Priority, string Key)>();
                var rules = RuleSpecBuilder.Build(
                    specs, _ => Build.Action(ctx => fired.Add((ctx.Match.Rule.Priority, MatchKey.Of(ctx.Match)))));
                // A generated rule with two or's over unconstrained patterns can have more matches than the loop guard's default.
                var pooled = RuleCompiler.Compile(rules);

                // The second session runs on the state the first one returned to the pool; the third on a network
                // whose joins hash-index their memories from the first entry (generated streams stay small).
                foreach (var compiled in new[] { pooled, pooled, RuleCompiler.Compile(rules, indexThreshold: 0) })
                {
                    using var session = compiled.CreateSession(new SessionOptions { MaxFiringsPerFire = 1_000_000 });
                    var world = new FactWorld();
                    var reference = new ReferenceMatcher();
                    var log = new List<string>();

                    // The keys that were on the agenda at the last Fire and have been there ever since: they must not fire again.
                    var alreadyFired = new List<string>();
                    for (var i = 0; i <= ops.Length; i++)
                    {
                        List<string> current;
                        if (i < ops.Length)
                        {
                            log.Add(world.Apply(ops[i], session));
                            current = reference.Match(rules, world.Facts).Select(m => m.Key).ToList();
                            alreadyFired = Intersect(alreadyFired, current);
                            var pending = Multiset.Difference(Subtract(current, alreadyFired), session.GetAgenda().Select(MatchKey.Of));
                            if (pending is not null)
                            {
                                Fail($"The agenda after step {i} is not the matches still to fire", rules, log, pending);
                            }

                            if (i % 3 != 2)
                            {
                                continue;
                            }
                        }
                        else
                        {
                            current = reference.Match(rules, world.Facts).Select(m => m.Key).ToList();
                        }

                        fired.Clear();
                        var count = session.Fire();
                        log.Add($"fire ({count} fired)");
                        var expected = Subtract(current, alreadyFired);
                        var difference = Multiset.Difference(expected, fired.Select(f => f.Key));
                        if (difference is not null)
                        {
                            Fail($"Fire after step {i} did not fire exactly the new matches", rules, log, difference);
                        }

                        if (count != fired.Count)
                        {
                            Fail("Fire returned a wrong count", rules, log, $"returned {count}, actions ran {fired.Count} times");
                        }

                        CheckPriorityOrder(fired.Select(f => f.Priority).ToList(), "Fire did not follow priorities", rules, log);
                        if (session.GetAgenda().Count != 0)
                        {
                            Fail("The agenda is not empty after Fire", rules, log, string.Join("\n    ", session.GetAgenda().Select(MatchKey.Of)));
                        }

                        alreadyFired = current;
                    }
                }
            }),
            iter: Iterations(200),
            threads: 1,
            print: t => Print(t.Item1, t.Item2));
    }

    // Multiset operations by counts, linear in the matches: a generated sample just under the match guard has hundreds
    // of thousands of them, and removing each from a list was quadratic (minutes of CPU, which looked like a hang).

    /// <summary>The keys also in <paramref name="current"/>, as many times as there, in the order of <paramref name="keys"/>.</summary>
    private static List<string> Intersect(List<string> keys, List<string> current)
    {
        var available = Counts(current);
        var result = new List<string>();
        foreach (var key in keys)
        {
            if (Take(available, key))
            {
                result.Add(key);
            }
        }

        return result;
    }

    /// <summary>The keys less the first occurrence of each removed one (as many times as removed), in order.</summary>
    private static List<string> Subtract(List<string> keys, List<string> removed)
    {
        var toRemove = Counts(removed);
        var result = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            if (!Take(toRemove, key))
            {
                result.Add(key);
            }
        }

        return result;
    }

    private static Dictionary<string, int> Counts(List<string> keys)
    {
        var counts = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static bool Take(Dictionary<string, int> counts, string key)
    {
        if (!counts.TryGetValue(key, out var count) || count == 0)
        {
            return false;
        }

        counts[key] = count - 1;
        return true;
    }
}
