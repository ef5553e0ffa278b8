using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Benchmarks.Engine.Dealership;

/// <summary>A benchmark that measures wrong answers measures nothing: both implementations must decide the same.</summary>
internal static class DealershipCheck
{
    public static void EngineAgreesWithHandWritten(CompiledRuleSet rules, IReadOnlyList<object> facts)
    {
        using var session = rules.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        var engine = session.Query<Decision>().Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        var handWritten = HandWrittenDealership.Decide(facts).Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        if (!engine.SequenceEqual(handWritten) || engine.Count == 0)
        {
            throw new InvalidOperationException(
                "The engine and the hand-written baseline disagree.\nengine:\n  " + string.Join("\n  ", engine)
                + "\nhand-written:\n  " + string.Join("\n  ", handWritten));
        }
    }
}
