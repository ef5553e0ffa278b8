using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// The 'any' items of a rule combine into alternatives, which the engine expands one terminal each and refuses past
/// its limit: the loader has the engine count them (and the levels of each alternative) and reports the 'any' that
/// passes the limit.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    /// <summary>A rule whose 'when' is the given items, one per line from line 5, indented as list items.</summary>
    private static string RuleWhen(params string[] items) =>
        "apiVersion: engagement-rules/v1\nrules:\n  - id: wide\n    when:"
        + string.Concat(items.Select(i => "\n      - " + i))
        + "\n    then: [ { signal: { name: s, customer: \"'C1'\" } } ]\n";

    private static string[] TwoWayAnys(int count, string prefix = "") =>
        Enumerable.Range(1, count).Select(i => $"any: [ {{ {prefix}a{i}: Vehicle }}, {{ {prefix}b{i}: Vehicle }} ]").ToArray();

    [Test]
    public void LoadFromText_AnyItemsCombiningPastTheLimit_ReportsER1019AtTheAnyThatPassesIt()
    {
        // 2^7 = 128 alternatives; the seventh 'any' (line 11) takes the count from 64 to 128.
        var result = new RuleFileLoader().LoadFromText("t.yaml", RuleWhen(TwoWayAnys(7)));

        result.ShouldReport("ER1019", 11, 9);
        result.Single("ER1019").RuleId.Should().Be("wide");
        result.Rules.Should().BeEmpty();
    }

    [Test]
    public void LoadFromText_NestedAnyOneAlternativePastTheLimit_ReportsER1019AtTheOuterAny()
    {
        // 64 alternatives from the six inner 'any' items, plus one: 65.
        var inner = "{ all: [ " + string.Join(", ", TwoWayAnys(6).Select(a => "{ " + a + " }")) + " ] }";
        var result = new RuleFileLoader().LoadFromText("t.yaml", RuleWhen($"any: [ {inner}, {{ lone: Vehicle }} ]"));

        result.ShouldReport("ER1019", 5, 9);
    }

    [Test]
    public void LoadFromText_AnyItemsPastTheLimitInsideNot_ReportsER1019()
    {
        // The content of 'not' is expanded on its own, so its 'any' items count there.
        var inner = string.Join(", ", TwoWayAnys(7).Select(a => "{ " + a + " }"));
        var result = new RuleFileLoader().LoadFromText("t.yaml", RuleWhen($"not: [ {inner} ]"));

        result.Single("ER1019").Location.Line.Should().Be(5);
    }

    [Test]
    public void LoadFromText_AnyItemsAtTheLimit_LoadAndCompile()
    {
        var result = new RuleFileLoader().LoadFromText("t.yaml", RuleWhen(TwoWayAnys(6)));

        result.Diagnostics.Should().BeEmpty();
        var compile = () => RuleCompiler.Compile(result.Rules);
        compile.Should().NotThrow("2^6 alternatives are exactly the limit");
    }

    [Test]
    public void LoadFromText_AnyOfTwoDeepAlternatives_CountsEachOnItsOwnAsTheEngineDoes()
    {
        // Each alternative stacks 1 + 40 levels; the engine matches them apart (once, the loader added them up: ER1018).
        static string Deep(string prefix) => "{ all: [ " + string.Join(", ", Enumerable.Range(1, 40).Select(i => $"{{ {prefix}{i}: Vehicle }}")) + " ] }";
        var result = new RuleFileLoader().LoadFromText("t.yaml", RuleWhen($"any: [ {Deep("a")}, {Deep("b")} ]"));

        result.Diagnostics.Should().BeEmpty();
        RuleCompiler.CountLevels(result.Rules.Single().LeftHandSide).Should().Be(41);
        var compile = () => RuleCompiler.Compile(result.Rules);
        compile.Should().NotThrow();
    }

    [Test]
    public void LoadFromText_AnyOfAnAlternativePastTheLevelLimit_ReportsER1018()
    {
        static string Deep(string prefix, int count) => "{ all: [ " + string.Join(", ", Enumerable.Range(1, count).Select(i => $"{{ {prefix}{i}: Vehicle }}")) + " ] }";
        var result = new RuleFileLoader().LoadFromText("t.yaml", RuleWhen($"any: [ {Deep("a", 3)}, {Deep("b", RuleCompiler.MaxLevels)} ]"));

        result.ShouldReport("ER1018", 4, 5);
    }

    [Test]
    public void Load_AtTheLoadersLimit_OneAlternativeMoreIsRefusedByTheEngine()
    {
        // The loader reads the engine's limit: one alternative more than a rule at the loader's limit is refused by
        // the engine, so nothing the loader accepts can be refused for it.
        var atLimit = new RuleFileLoader().LoadFromText("t.yaml", RuleWhen(TwoWayAnys(6))).Rules.Single();
        var extra = new PatternElement(new Declaration("extra", typeof(Engagement.Rules.Facts.Vehicle)), []);
        var onePast = new RuleDefinition("one-past", new AndElement([new OrElement([atLimit.LeftHandSide, extra])]), atLimit.Actions);

        var compile = () => RuleCompiler.Compile([onePast]);

        RuleCompiler.MaxAlternatives.Should().Be(64, "2^6 alternatives are the loader's limit in this test");
        compile.Should().Throw<RuleCompilationException>().Which.Message.Should().Contain($"more than {RuleCompiler.MaxAlternatives}");
    }
}
