using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Properties.Generation;
using Engagement.Rules.Engine.Tests.Reference;

namespace Engagement.Rules.Engine.Tests.Properties;

/// <summary>
/// Property tests of the Rete engine against the brute-force <see cref="ReferenceMatcher"/> on generated rules
/// and fact streams. CsCheck prints the seed of a failing case; pass it as <c>seed:</c> to Sample to replay it.
/// The rules and the operations applied are in the failure message. Set the environment variable
/// <c>ENGINE_PROPERTY_SCALE</c> (e.g. 20) to multiply the iterations for a deeper search than CI's.
/// </summary>
public sealed partial class ReteNetworkPropertyTest
{
    private static long Iterations(int ci) =>
        ci * (long.TryParse(Environment.GetEnvironmentVariable("ENGINE_PROPERTY_SCALE"), out var scale) && scale > 0 ? scale : 1);

    private static string Print(IReadOnlyList<RuleSpec> specs, IReadOnlyList<FactOpSpec> ops) =>
        "rules:\n" + RulePrinter.Describe(RuleSpecBuilder.Build(specs, _ => Build.NoAction()))
        + "\nops:\n  " + string.Join("\n  ", ops.Select(o => o.ToString()));

    private static void Fail(string what, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<string> log, string detail) =>
        throw new InvalidOperationException(
            $"{what}\n  {detail}\nrules:\n{RulePrinter.Describe(rules)}\nsteps:\n  {string.Join("\n  ", log)}");

    private static void CheckPriorityOrder(List<int> priorities, string what, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<string> log)
    {
        for (var i = 1; i < priorities.Count; i++)
        {
            if (priorities[i] > priorities[i - 1])
            {
                Fail($"{what}: priority {priorities[i]} comes after {priorities[i - 1]}", rules, log, string.Join(", ", priorities));
            }
        }
    }
}
