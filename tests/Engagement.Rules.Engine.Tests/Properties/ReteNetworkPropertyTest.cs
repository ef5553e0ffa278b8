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
/// The rules and the operations applied are in the failure message.
/// </summary>
public sealed partial class ReteNetworkPropertyTest
{
    [SetUp]
    public void IgnoreUntilTheEngineIsBuilt()
    {
        // Temporary: the engine is being written on another branch; these properties run as soon as it creates sessions.
        try
        {
            RuleCompiler.Compile([]).CreateSession();
        }
        catch (NotImplementedException)
        {
            Assert.Ignore("The engine does not create sessions yet.");
        }
    }

    private static string Print(IReadOnlyList<RuleSpec> specs, IReadOnlyList<FactOpSpec> ops) =>
        "rules:\n" + RulePrinter.Describe(RuleBuilder.Build(specs, _ => Build.NoAction()))
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
