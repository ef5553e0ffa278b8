using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Rules the loader accepted and the engine rejects are reported at each rejected rule's own location.</summary>
public sealed class RuleSetCompilerTest
{
    [Test]
    public void TryCompile_LoadedRuleTheEngineRejects_ReportsER0050AtTheRulesOwnLocation()
    {
        var loaded = new RuleFileLoader(EngineRejectedRules.Options).LoadFromText("rules/haunted.yaml", EngineRejectedRules.File);
        loaded.Success.Should().BeTrue(loaded.FormatDiagnostics());

        var compiled = RuleSetCompiler.TryCompile(loaded.Rules, null, "rules", out var ruleSet, out var errors);

        compiled.Should().BeFalse();
        ruleSet.Should().BeNull();
        var error = errors.Should().ContainSingle().Subject;
        error.Code.Should().Be("ER0050");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.Should().Be(new SourceLocation("rules/haunted.yaml", EngineRejectedRules.Line, EngineRejectedRules.Column));
        error.RuleId.Should().Be("haunted");
        error.Message.Should().Contain("'ghost'").And.Contain("not bound");
        error.Format().Should().StartWith($"rules/haunted.yaml:{EngineRejectedRules.Line}:{EngineRejectedRules.Column}: error ER0050: ");
    }

    [Test]
    public void TryCompile_SeveralEngineErrors_OneDiagnosticEachAtItsRule()
    {
        var first = Rule("first", "a.yaml:4:5", haunted: true);
        var second = Rule("second", "b.yaml:12:7", haunted: true);

        RuleSetCompiler.TryCompile([first, second], null, "rules", out _, out var errors).Should().BeFalse();

        errors.Select(e => (e.Location.ToString(), e.RuleId)).Should().Equal(("a.yaml:4:5", "first"), ("b.yaml:12:7", "second"));
    }

    [Test]
    public void TryCompile_RuleWithoutRecordedSource_CitesTheFallbackAtLineOne()
    {
        var rule = Rule("handmade", null, haunted: true);

        RuleSetCompiler.TryCompile([rule], null, "my-rules", out _, out var errors).Should().BeFalse();

        errors.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation("my-rules", 1, 1));
        errors[0].RuleId.Should().Be("handmade");
    }

    [Test]
    public void TryCompile_ValidRules_ReturnsTheSetAndNoErrors()
    {
        var loaded = new RuleFileLoader().LoadFromText("t.yaml", RuleFileLoaderTest.SignalRule.Replace("{0}", "ok", System.StringComparison.Ordinal));

        RuleSetCompiler.TryCompile(loaded, "t.yaml", out var ruleSet, out var errors).Should().BeTrue();

        ruleSet!.Rules.Select(r => r.Id).Should().Equal("ok");
        ruleSet.Fingerprint.Should().Be(loaded.Fingerprint, "a load's rule set carries the load's fingerprint");
        errors.Should().BeEmpty();
    }

    [Test]
    public void Diagnose_ErrorsOfOneRule_AreEachReportedInTheEnginesOrder()
    {
        var rule = Rule("r", "a.yaml:2:3");
        var exception = new RuleCompilationException([new RuleCompilationError("r", "one."), new RuleCompilationError("unknown", "two."), new RuleCompilationError("r", "three.")]);

        var errors = RuleSetCompiler.Diagnose(exception, [rule], "rules");

        errors.Select(e => $"{e.Location} {e.RuleId} {e.Message}").Should().Equal(
            "a.yaml:2:3 r The rule engine rejected this rule: one.",
            "rules:1:1 unknown The rule engine rejected this rule: two.",
            "a.yaml:2:3 r The rule engine rejected this rule: three.");
    }

    [TestCase(@"C:\rules\a.yaml:7:9", @"C:\rules\a.yaml", 7, 9)]
    [TestCase("a.yaml:1:1", "a.yaml", 1, 1)]
    [TestCase("a.yaml:0:1", "fallback", 1, 1)]
    [TestCase("a.yaml:x:1", "fallback", 1, 1)]
    [TestCase(":3:4", "fallback", 1, 1)]
    [TestCase("a.yaml", "fallback", 1, 1)]
    public void LocationOf_RecordedSource_IsParsedOrFallsBack(string source, string file, int line, int column)
    {
        RuleSetCompiler.LocationOf(Rule("r", source), "fallback").Should().Be(new SourceLocation(file, line, column));
    }

    private static RuleDefinition Rule(string id, string? source, bool haunted = false)
    {
        var declaration = new Declaration("customer", typeof(Customer));
        var customer = new PatternElement(declaration, haunted ? [EngineRejectedRules.GhostCondition(declaration)] : []);
        var action = new ActionElement(Expression.Lambda(Expression.Empty(), Expression.Parameter(typeof(IActionContext), "context")), []);
        var properties = new Dictionary<string, object?>();
        if (source is not null)
        {
            properties["source"] = source;
        }

        return new RuleDefinition(id, new AndElement([customer]), [action], properties: properties);
    }
}
