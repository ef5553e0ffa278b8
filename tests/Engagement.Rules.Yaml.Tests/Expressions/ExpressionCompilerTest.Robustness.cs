using System.Linq;
using CsCheck;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    private static readonly string[] Fragments =
    [
        "customer", "vehicle", "points", "kinds", "home", ".", ".location", ".plate", ".previousPlate", ".preferred", "Sms", ".otherAddresses", ".status", ".modelYear", ".purchaseDate", ".address", ".city", ".tags",
        "and", "or", "not", "in", "between", "true", "false", "null", "(", ")", "[", "]", ",", "==", "!=", "<", "<=", ">", ">=",
        "+", "-", "*", "/", "%", "??", "has(", "today()", "now()", "daysUntil(", "nextOccurrence(", "contains(", "upper(",
        "min(", "1", "0", "2147483648", "99999999999999999999", "1.5", "'x'", "\"y", "'\\q'", "2026-02-29", "2026-13-01",
        "08:30", "99:99", "30 days", "2 months", "3 hours", "Active", "Offer", "&&", "=", "!", "#", "\n", "\u0000", "\\",
    ];

    /// <summary>Compiles and checks the one contract for any input: a result xor an error, never an exception.</summary>
    private void CompilesOrReports(string text)
    {
        CompilesOrReports(text, typeof(bool));
        CompilesOrReports(text, null);
    }

    private void CompilesOrReports(string text, System.Type? expected)
    {
        var compiled = _fixture.Compile(text, expected);
        var errors = _fixture.Diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        (compiled is null).Should().Be(errors.Length > 0, "'{0}' gives a result exactly when it has no error", text);
        errors.Should().NotContain(d => d.Code == "ER2099", "'{0}' must not hit an internal error", text);
        foreach (var error in errors)
        {
            error.Location.Line.Should().BeGreaterThanOrEqualTo(ExpressionFixture.Origin.Line);
            error.Location.Column.Should().BeGreaterThanOrEqualTo(ExpressionFixture.Origin.Column);
        }

        // A tree that type-checked must also be a valid tree for the engine to compile.
        compiled?.ToLambda().Compile();
    }

    [Test]
    public void Compile_RandomText_NeverThrows() =>
        Gen.String[0, 120].Sample(text => CompilesOrReports(text), iter: 1000, threads: 1);

    [Test]
    public void Compile_RandomTokenSequences_NeverThrow() =>
        Gen.OneOf(Fragments).Array[0, 24]
            .Select(parts => string.Join(" ", parts))
            .Sample(text => CompilesOrReports(text), iter: 2000, threads: 1);

    [Test]
    public void Compile_RandomWellTypedShapes_NeverThrow() =>
        Gen.OneOf(Fragments).Array[0, 24]
            .Select(parts => string.Concat(parts))
            .Sample(text => CompilesOrReports(text), iter: 1000, threads: 1);

    [TestCase("(", 2000)]
    [TestCase("not ", 1000)]
    [TestCase("-", 4000)]
    [TestCase("[", 2000)]
    [TestCase("upper(", 600)]
    public void Compile_DeepNesting_IsReportedWithoutStackOverflow(string prefix, int count)
    {
        var text = string.Concat(Enumerable.Repeat(prefix, count)) + "1";
        _fixture.Compile(text[..System.Math.Min(text.Length, 4096)], typeof(bool)).Should().BeNull();
        _fixture.Diagnostics.Items.Should().ContainSingle(d => d.Code == "ER2011");
    }

    [TestCase("1+", 2000)]
    [TestCase("true or ", 300)]
    [TestCase("customer.address", 1)]
    public void Compile_VeryLongChains_AreReportedWithoutStackOverflow(string part, int count)
    {
        var text = part == "customer.address"
            ? "customer" + string.Concat(Enumerable.Repeat(".address", 500))
            : string.Concat(Enumerable.Repeat(part, count)) + "true";
        _fixture.Compile(text, null).Should().BeNull();
        _fixture.Diagnostics.Items.Should().ContainSingle(d => d.Code == "ER2012");
    }

    [Test]
    public void Compile_NestingAtTheLimit_Compiles()
    {
        var text = new string('(', 63) + "vehicle.isOwned" + new string(')', 63);
        _fixture.Condition(text).Should().BeTrue();
        _fixture.Condition(string.Concat(Enumerable.Repeat("not ", 64)) + "true").Should().BeTrue();
    }

    [Test]
    public void Compile_LongButShallowChain_Compiles()
    {
        var text = string.Join(" or ", Enumerable.Repeat("vehicle.modelYear == 1999", 120)) + " or vehicle.isOwned";
        _fixture.Condition(text).Should().BeTrue();
    }

    [Test]
    public void Compile_CustomLimits_AreApplied()
    {
        _fixture.Compiler = new Engagement.Rules.Yaml.Expressions.ExpressionCompiler(maxLength: 10, maxNesting: 2);
        _fixture.Error("vehicle.isOwned", typeof(bool)).Code.Should().Be("ER2010");
        _fixture.Error("(((1)))", null).Code.Should().Be("ER2011");
    }
}
