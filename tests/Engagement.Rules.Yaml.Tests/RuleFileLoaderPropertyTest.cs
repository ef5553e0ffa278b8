using System;
using System.IO;
using System.Linq;
using CsCheck;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Whatever the input, the loader answers with diagnostics, never an exception or a hang.</summary>
public sealed class RuleFileLoaderPropertyTest
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "valid", "sample.yaml"))
        .Replace("include: [common/conditions.yaml]", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "valid", "common", "conditions.yaml")).Split('\n', 3)[2], StringComparison.Ordinal);

    /// <summary>Characters that matter to YAML and to the expression language.</summary>
    private static readonly Gen<char> Interesting = Gen.OneOf(
        Gen.Char["-:[]{}&*!|>'\"#%@`,?\t\n {}()=<>.\\"],
        Gen.Char['a', 'z'],
        Gen.Char['0', '9'],
        Gen.Char);

    private static readonly Gen<string> Mutated = TextMutations.Of(Sample, Interesting, maxRemoved: 20, maxInserted: 8);

    [Test]
    public void LoadFromText_MutatedSample_NeverThrowsAndLocatesEveryProblem()
    {
        var loader = new RuleFileLoader();
        Mutated.Sample(
            text =>
            {
                var result = loader.LoadFromText("mutated.yaml", text);
                CheckResult(result);
            },
            iter: 300,
            threads: 1);
    }

    [Test]
    public void LoadFromText_RandomText_NeverThrows()
    {
        var loader = new RuleFileLoader();
        Interesting.Array[0, 400].Select(c => new string(c)).Sample(
            text => CheckResult(loader.LoadFromText("random.yaml", text)),
            iter: 300,
            threads: 1);
    }

    [Test]
    public void Read_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 300].Sample(
            bytes =>
            {
                var context = new LoadContext(RuleLoaderOptions.Default);
                var root = YamlSyntaxReader.Read("bytes.yaml", bytes, context, out _);
                (root is not null || context.Diagnostics.HasErrors).Should().BeTrue();
            },
            iter: 500,
            threads: 1);
    }

    [Test]
    public void LoadFromText_RandomAnyAllNotExistsNesting_ReportsER1019ExactlyWhenTheEngineRefusesTheAlternatives()
    {
        // The same shape written as YAML for the loader and built as the engine's model: the loader's count of
        // alternatives (ER1019) must agree with the engine's normalizer, or a rule either loads and then fails to
        // compile, or is refused though the engine would take it.
        var loader = new RuleFileLoader();
        var action = new Engine.Model.ActionElement(
            System.Linq.Expressions.Expression.Lambda(System.Linq.Expressions.Expression.Empty(), System.Linq.Expressions.Expression.Parameter(typeof(Engine.IActionContext), "context")), []);
        Shape.Gen(3).Array[1, 6].Sample(
            items =>
            {
                var names = 0;
                var yaml = "apiVersion: engagement-rules/v1\nrules:\n  - id: shape\n    when: [ " + string.Join(", ", items.Select(i => i.Yaml(ref names)))
                    + " ]\n    then: [ { signal: { name: s, customer: \"'C1'\" } } ]\n";
                names = 0;
                var model = new Engine.Model.RuleDefinition("shape", new Engine.Model.AndElement(items.Select(i => i.Model(ref names)).ToArray()), [action]);

                var loaderRefuses = loader.LoadFromText("shape.yaml", yaml).Diagnostics.Any(d => d.Code == "ER1019");
                var engineRefuses = false;
                try
                {
                    Engine.RuleCompiler.Compile([model]);
                }
                catch (Engine.RuleCompilationException ex)
                {
                    engineRefuses = ex.Errors.Any(e => e.Message.Contains("alternatives expand", StringComparison.Ordinal));
                }

                loaderRefuses.Should().Be(engineRefuses, yaml);
            },
            iter: 200,
            threads: 1);
    }

    [Test]
    public void LoadFromText_DeepNesting_IsCappedNotOverflowed()
    {
        var text = "apiVersion: engagement-rules/v1\nrules: " + new string('[', 100_000) + new string(']', 100_000);

        var result = new RuleFileLoader().LoadFromText("deep.yaml", text);

        result.Diagnostics.Select(d => d.Code).Should().Contain("ER0013");
    }

    [Test]
    public void LoadFromText_AliasBomb_IsRejectedBeforeAnyExpansion()
    {
        var text = "apiVersion: engagement-rules/v1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

        var result = new RuleFileLoader().LoadFromText("bomb.yaml", text);

        result.ShouldReportFirst("ER0011");
    }

    private static void CheckResult(RuleLoadResult result)
    {
        if (!result.Success)
        {
            result.Rules.Should().BeEmpty();
            result.Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Error);
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostic.Location.Line.Should().BePositive(diagnostic.Format());
            diagnostic.Location.Column.Should().BePositive(diagnostic.Format());
            diagnostic.Code.Should().MatchRegex("^ER[0-2][0-9]{3}$", diagnostic.Format());
            diagnostic.Format().Should().NotBeNullOrEmpty();
        }
    }

    /// <summary>A condition item: a pattern, or any/all/not/exists over items.</summary>
    private sealed record Shape(string Keyword, Shape[] Items)
    {
        private static readonly Shape Pattern = new("pattern", []);

        public static Gen<Shape> Gen(int depth) => depth == 0
            ? CsCheck.Gen.Const(Pattern)
            : CsCheck.Gen.Frequency(
                (3, CsCheck.Gen.Const(Pattern)),
                (3, Gen(depth - 1).Array[2, 4].Select(items => new Shape("any", items))),
                (1, Gen(depth - 1).Array[1, 3].Select(items => new Shape("all", items))),
                (1, Gen(depth - 1).Array[1, 3].Select(items => new Shape("not", items))),
                (1, Gen(depth - 1).Array[1, 3].Select(items => new Shape("exists", items))));

        public string Yaml(ref int names)
        {
            if (Keyword == "pattern")
            {
                return $"{{ v{++names}: Vehicle }}";
            }

            var items = new string[Items.Length];
            for (var i = 0; i < Items.Length; i++)
            {
                items[i] = Items[i].Yaml(ref names);
            }

            return $"{{ {Keyword}: [ {string.Join(", ", items)} ] }}";
        }

        /// <summary>The engine's model of the item, as the loader builds it (a one-item not/exists holds the item itself).</summary>
        public Engine.Model.RuleElement Model(ref int names)
        {
            if (Keyword == "pattern")
            {
                return new Engine.Model.PatternElement(new Engine.Model.Declaration($"v{++names}", typeof(Vehicle)), []);
            }

            var items = new Engine.Model.RuleElement[Items.Length];
            for (var i = 0; i < Items.Length; i++)
            {
                items[i] = Items[i].Model(ref names);
            }

            var content = items.Length == 1 ? items[0] : new Engine.Model.AndElement(items);
            return Keyword switch
            {
                "any" => new Engine.Model.OrElement(items),
                "all" => new Engine.Model.AndElement(items),
                "not" => new Engine.Model.NotElement(content),
                _ => new Engine.Model.ExistsElement(content),
            };
        }
    }
}
