using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>The loader's <see cref="RuleLoaderOptions.MaxExpressionLength"/> is the one limit, raised or lowered.</summary>
public sealed partial class RuleFileLoaderTest
{
    private const string LongLiteralPrefix = "c.customerId != '";

    [TestCase(5_000)]
    [TestCase(30)]
    [TestCase(2_000)]
    public void LoadFromText_ExpressionExactlyAtTheLimit_Loads(int limit)
    {
        var result = new RuleFileLoader(new RuleLoaderOptions { MaxExpressionLength = limit }).LoadFromText("t.yaml", LongExpressionRule(limit));

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Should().ContainSingle();
    }

    [TestCase(5_000)]
    [TestCase(30)]
    [TestCase(2_000)]
    public void LoadFromText_ExpressionOneOverTheLimit_ReportsOnlyER0042(int limit)
    {
        var result = new RuleFileLoader(new RuleLoaderOptions { MaxExpressionLength = limit }).LoadFromText("t.yaml", LongExpressionRule(limit + 1));

        result.ShouldReport("ER0042", 4, 35);
        result.Diagnostics.Should().ContainSingle();
        result.Single("ER0042").Message.Should().Contain($"the limit is {limit}");
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Constructor_NonPositiveMaxExpressionLength_Throws(int limit)
    {
        var act = () => new RuleFileLoader(new RuleLoaderOptions { MaxExpressionLength = limit });

        act.Should().Throw<System.ArgumentOutOfRangeException>().WithMessage("*MaxExpressionLength*");
    }

    /// <summary>A rule whose one <c>where</c> expression is exactly <paramref name="length"/> characters long.</summary>
    private static string LongExpressionRule(int length)
    {
        var expression = LongLiteralPrefix + new string('x', length - LongLiteralPrefix.Length - 1) + "'";
        expression.Length.Should().Be(length);
        return $"""
            apiVersion: engagement-rules/v1
            rules:
              - id: long
                when: [ {"{"} c: Customer, where: "{expression}" {"}"} ]
                then: [ {"{"} signal: {"{"} name: s, customer: "c.customerId" {"}"} {"}"} ]
            """;
    }
}
