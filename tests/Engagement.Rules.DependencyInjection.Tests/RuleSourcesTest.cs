using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.DependencyInjection.Tests;

/// <summary>
/// How the DI package reports rules the engine rejects. The YAML loader checks every engine limit a rule file can
/// reach, so the rejection is reached through <see cref="RuleSources.Compile"/>, the step every configured source
/// goes through after loading.
/// </summary>
public sealed class RuleSourcesTest
{
    [Test]
    public void Compile_RuleTheEngineRejects_ReportsER0050AtTheRulesOwnLocationWithoutThrowing()
    {
        var loaded = Load("rules/trade-in.yaml");
        var warning = new RuleDiagnostic("ER0007", DiagnosticSeverity.Warning, new SourceLocation("rules/empty.yaml", 1, 1), "The file is empty.");

        var load = RuleSources.Compile([Haunted(loaded)], null, "rules", [warning]);

        load.Rules.Should().BeNull();
        var error = load.Errors.Should().ContainSingle().Subject;
        error.Code.Should().Be("ER0050");
        error.RuleId.Should().Be("trade-in-offer");
        error.Location.Should().Be(new SourceLocation("rules/trade-in.yaml", 3, 5), "the rule's id line in its file");
        load.FormattedErrors.Single().Should().StartWith("rules/trade-in.yaml:3:5: error ER0050: The rule engine rejected this rule: ")
            .And.Contain("'ghost'");
        load.Warnings.Should().Equal(warning);
    }

    [Test]
    public void Compile_RulesOfSeveralSources_EachErrorAtItsOwnSource()
    {
        var first = Haunted(Load("a.yaml"));
        var second = Haunted(Load("b.yaml"), id: "other-offer");

        var load = RuleSources.Compile([first, second], null, "a.yaml", []);

        load.Errors.Select(e => (e.Location.File, e.RuleId)).Should().Equal(("a.yaml", "trade-in-offer"), ("b.yaml", "other-offer"));
    }

    [Test]
    public void Compile_ValidRules_GivesTheSet()
    {
        var load = RuleSources.Compile([Load("a.yaml")], null, "a.yaml", []);

        load.Errors.Should().BeEmpty();
        load.Rules!.Rules.Select(r => r.Id).Should().Equal("trade-in-offer");
    }

    private static RuleDefinition Load(string name)
    {
        var catalog = BuiltInFactTypes.CreateCatalog().Register<TradeInAppraisal>("TradeInAppraisal");
        var result = new RuleFileLoader(new RuleLoaderOptions { Catalog = catalog }).LoadFromText(name, Given.TradeInRule());
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        return result.Rules.Single();
    }

    /// <summary>The loaded rule with one more pattern whose condition uses a declaration nothing binds.</summary>
    private static RuleDefinition Haunted(RuleDefinition rule, string? id = null)
    {
        var own = new Declaration("haunt", typeof(TradeInAppraisal));
        var ghost = Expression.Parameter(typeof(bool), "ghost");
        var condition = new ConditionElement(
            Expression.Lambda(ghost, ghost, Expression.Parameter(typeof(TradeInAppraisal), "haunt")),
            [new Declaration("ghost", typeof(bool)), own]);
        var elements = new List<RuleElement>(rule.LeftHandSide.Elements) { new PatternElement(own, [condition]) };
        return new RuleDefinition(id ?? rule.Id, new AndElement(elements), rule.Actions, properties: rule.Properties);
    }
}
