using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests;

public sealed class RuleDiagnosticTest
{
    [TestCase(1)]
    [TestCase(500)]
    [TestCase(100_000)]
    public void Format_VeryLongSourceLine_ShowsAWindowWithTheCaretUnderTheColumn(int column)
    {
        var line = string.Concat(Enumerable.Range(0, 100_000).Select(i => (char)('a' + (i % 26))));
        var diagnostic = new RuleDiagnostic("ER0013", DiagnosticSeverity.Error, new SourceLocation("r.yaml", 1, column), "Too deep.", sourceLine: line);

        var lines = diagnostic.Format().Split('\n');

        lines.Should().HaveCount(3);
        lines[1].Length.Should().BeLessThanOrEqualTo(166, "a one-line file is not echoed whole");
        var caret = lines[2].IndexOf('^', System.StringComparison.Ordinal);
        lines[2].Should().EndWith("^");
        lines[1][caret].Should().Be(line[column - 1], "the caret stays under the column");
    }

    [Test]
    public void Format_ShortSourceLine_IsEchoedWhole()
    {
        var diagnostic = new RuleDiagnostic("ER0023", DiagnosticSeverity.Error, new SourceLocation("r.yaml", 4, 15), "Bad.", sourceLine: "    priority: high");

        diagnostic.Format().Should().Be("r.yaml:4:15: error ER0023: Bad.\n    priority: high\n              ^");
    }
}
