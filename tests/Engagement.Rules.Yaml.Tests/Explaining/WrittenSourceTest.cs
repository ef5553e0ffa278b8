using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Explaining;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>
/// <see cref="WrittenSource"/> keeps the first position recorded per model object, which is right only while no model
/// object belongs to two rules: these pin that the loader never shares one (not through named conditions, includes or
/// a rule repeated), so the explainer cites each rule at its own lines.
/// </summary>
public sealed class WrittenSourceTest
{
    [Test]
    public void Load_DefaultPack_NoModelObjectBelongsToTwoRules()
    {
        // The pack uses named conditions of an included file (policy.yaml) in several rules of several files.
        var load = new RuleFileLoader().Load([Path.Combine(AppContext.BaseDirectory, "rules")]);
        load.Success.Should().BeTrue(load.FormatDiagnostics());
        load.Rules.Should().HaveCountGreaterThan(10);

        var owner = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        var shared = new List<string>();
        foreach (var rule in load.Rules)
        {
            foreach (var modelObject in ModelObjects(rule.LeftHandSide).Distinct(ReferenceEqualityComparer.Instance))
            {
                if (!owner.TryAdd(modelObject, rule.Id))
                {
                    shared.Add($"{modelObject.GetType().Name} of {owner[modelObject]} and {rule.Id}");
                }
            }
        }

        shared.Should().BeEmpty();
        owner.Keys.Count(o => WrittenSource.Of(o) is not null).Should().BeGreaterThan(load.Rules.Count, "the objects the explainer cites are among those checked");
    }

    [Test]
    public void Load_NamedConditionUsedByTwoRules_EachUseIsCitedAtItsOwnRule()
    {
        const string Text = """
            apiVersion: engagement-rules/v1
            conditions:
              ambassador: customer.isAmbassador
            rules:
              - id: first
                when:
                  - customer: Customer
                    where: [ambassador]
                then: [ { signal: { name: a } } ]
              - id: second
                when:
                  - customer: Customer
                    where: [ambassador]
                then: [ { signal: { name: b } } ]
            """;

        var load = new RuleFileLoader().LoadFromText("rules.yaml", Text);
        load.Success.Should().BeTrue(load.FormatDiagnostics());

        var uses = load.Rules.Select(rule => ModelObjects(rule.LeftHandSide).OfType<ConditionElement>().Single(c => c.Text == "ambassador")).ToArray();

        uses[0].Should().NotBeSameAs(uses[1]);
        uses.Select(c => WrittenSource.Of(c)!.Location.Line).Should().Equal(8, 13);
    }

    /// <summary>Every element and expression of a left-hand side: what <see cref="WrittenSource"/> may key.</summary>
    private static IEnumerable<object> ModelObjects(RuleElement element) =>
        new object[] { element }.Concat(Expressions(element)).Concat(Children(element).SelectMany(ModelObjects));

    private static IEnumerable<RuleElement> Children(RuleElement element) => element switch
    {
        AndElement and => and.Elements,
        OrElement or => or.Elements,
        NotElement not => [not.Source],
        ExistsElement exists => [exists.Source],
        ForAllElement forAll => [forAll.BasePattern, .. forAll.Patterns],
        AggregateElement aggregate => [aggregate.Source],
        _ => [],
    };

    private static IEnumerable<ExpressionElement> Expressions(RuleElement element) => element switch
    {
        PatternElement pattern => pattern.Conditions,
        AggregateElement aggregate => aggregate.Selector is { } selector ? [.. aggregate.ResultConditions, selector] : aggregate.ResultConditions,
        BindingElement binding => [binding.Value],
        _ => [],
    };
}
