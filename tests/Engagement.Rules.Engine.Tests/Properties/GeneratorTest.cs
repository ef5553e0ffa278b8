using System;
using CsCheck;
using Engagement.Rules.Engine.Tests.Properties.Generation;
using Engagement.Rules.Engine.Tests.Reference;

namespace Engagement.Rules.Engine.Tests.Properties;

/// <summary>The generators must build valid rules and produce cases where rules actually match.</summary>
public sealed class GeneratorTest
{
    [Test]
    public void Build_GeneratedRulesAndFacts_ReferenceEvaluatesAndOftenMatches()
    {
        var steps = 0;
        var stepsWithMatches = 0;
        var maxMatches = 0;
        Gen.Select(RuleGen.RuleSet, FactGen.InsertUpdateRetract).Sample(
            (specs, ops) =>
            {
                var rules = RuleSpecBuilder.Build(specs, _ => Build.NoAction());
                var world = new FactWorld();
                var session = new RecordingSession();
                var reference = new ReferenceMatcher();
                foreach (var op in ops)
                {
                    world.Apply(op, session);
                    var count = reference.Match(rules, world.Facts).Count;
                    steps++;
                    stepsWithMatches += count > 0 ? 1 : 0;
                    maxMatches = Math.Max(maxMatches, count);
                }
            },
            iter: 200,
            threads: 1,
            print: t => RulePrinter.Describe(RuleSpecBuilder.Build(t.Item1, _ => Build.NoAction())));

        TestContext.Out.WriteLine($"steps {steps}, with matches {stepsWithMatches}, max {maxMatches}");
        stepsWithMatches.Should().BeGreaterThan(steps / 4, "generated rules should match often enough to test something");
    }
}
