using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// Every file of Corpus/broken that starts with <c># expect: CODE at LINE:COLUMN</c> lines loads with exactly
/// those diagnostics (LINE may be FILE:LINE for a diagnostic in a file it includes), no more and no fewer (other files there are helpers they include). Every file of
/// Corpus/valid loads cleanly.
/// </summary>
public sealed partial class CorpusTest
{
    private static readonly Regex Expect = new(@"^# expect: (?<code>ER\d{4}) at (?:(?<file>[\w./-]+):)?(?<line>\d+):(?<column>\d+)\s*$", RegexOptions.Multiline);

    public static string CorpusFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    public static IEnumerable<TestCaseData> BrokenFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "broken"), "*.yaml")
            .Where(f => Expect.IsMatch(File.ReadAllText(f)))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Load_Broken_{Path.GetFileNameWithoutExtension(f)}"));

    public static IEnumerable<TestCaseData> ValidFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "valid"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Load_Valid_{Path.GetFileNameWithoutExtension(f)}"));

    [TestCaseSource(nameof(BrokenFiles))]
    public void Load_Broken(string file)
    {
        var path = Path.Combine(CorpusFolder, "broken", file);
        var expected = Expect.Matches(File.ReadAllText(path))
            .Select(m => $"{m.Groups["code"].Value} at {(m.Groups["file"].Success ? m.Groups["file"].Value : file)}:{m.Groups["line"].Value}:{m.Groups["column"].Value}")
            .Order(StringComparer.Ordinal);

        var result = new RuleFileLoader().Load([path]);

        var folder = Path.Combine(CorpusFolder, "broken");
        result.Diagnostics
            .Select(d => $"{d.Code} at {Path.GetRelativePath(folder, d.Location.File).Replace('\\', '/')}:{d.Location.Line}:{d.Location.Column}")
            .Order(StringComparer.Ordinal)
            .Should().Equal(expected, result.FormatDiagnostics());
        result.Rules.Should().BeEmpty();
    }

    [TestCaseSource(nameof(ValidFiles))]
    public void Load_Valid(string file)
    {
        var result = new RuleFileLoader().Load([Path.Combine(CorpusFolder, "valid", file)]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Diagnostics.Should().BeEmpty(result.FormatDiagnostics());
        result.Rules.Should().NotBeEmpty();
    }
}
