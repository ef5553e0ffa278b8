using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests.Support;

/// <summary>Loader set-up shared by the tests: the fake compiler and the test facts in the catalogue.</summary>
internal static class TestLoading
{
    public static RuleLoaderOptions Options(FakeExpressionCompiler? compiler = null) => new()
    {
        Catalog = new FactTypeCatalog().Register<Engagement.Rules.Decisions.TouchProposal>().Register<Engagement.Rules.Chaining.Signal>().Register<Customer>().Register<Vehicle>().Register<RepairOrder>(),
        ExpressionCompiler = compiler ?? new FakeExpressionCompiler(),
    };

    public static RuleLoadResult Load(string text, RuleLoaderOptions? options = null) =>
        new RuleFileLoader(options ?? Options()).LoadFromText("rules.yaml", text);

    public static RuleDiagnostic Single(this RuleLoadResult result, string code)
    {
        result.Diagnostics.Where(d => d.Code == code).Should().ContainSingle(result.FormatDiagnostics());
        return result.Diagnostics.Single(d => d.Code == code);
    }

    public static void ShouldReport(this RuleLoadResult result, string code, int line, int column)
    {
        var diagnostic = result.Single(code);
        (diagnostic.Location.Line, diagnostic.Location.Column).Should().Be((line, column), diagnostic.Format());
    }

    public static void ShouldReportFirst(this RuleLoadResult result, string code) =>
        result.Diagnostics.Should().NotBeEmpty().And.Subject.First().Code.Should().Be(code, result.FormatDiagnostics());

    /// <summary>A minimal valid file with the given rule body lines (already indented under '- ').</summary>
    public const string Header = "apiVersion: engagement-rules/v1\n";
}
