using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// The editor schema and the loader agree on a corpus of small files (review F7): every file the loader accepts
/// (the default pack and Corpus/schema/valid) validates, and every file of Corpus/schema/invalid, which the loader
/// rejects with the code its first line names, does not. The schema checks structure only: files whose problem is an
/// unknown name, a type error in an expression or a missing include are not part of the corpus.
/// </summary>
public sealed partial class SchemaTest
{
    private static readonly Regex LoaderCode = new(@"^# loader: (?<code>ER\d{4})\s*$", RegexOptions.Multiline);

    private static string SchemaCorpus => Path.Combine(AppContext.BaseDirectory, "Corpus", "schema");

    public static IEnumerable<TestCaseData> LoaderValidFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "rules"), "*.yaml")
            .Concat(Directory.EnumerateFiles(Path.Combine(SchemaCorpus, "valid"), "*.yaml"))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName($"Corpus_LoaderAccepts_SchemaAccepts({Path.GetFileName(Path.GetDirectoryName(f))}/{Path.GetFileName(f)})"));

    public static IEnumerable<TestCaseData> LoaderInvalidFiles() =>
        Directory.EnumerateFiles(Path.Combine(SchemaCorpus, "invalid"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName($"Corpus_LoaderRejects_SchemaRejects({Path.GetFileName(f)})"));

    [Test]
    public void Corpus_CoversThePackAndBothKinds()
    {
        LoaderValidFiles().Count(c => ((string)c.Arguments[0]!).Contains($"{Path.DirectorySeparatorChar}rules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Should().BeGreaterThanOrEqualTo(6, "every rule file of the default pack is in the corpus");
        LoaderInvalidFiles().Should().HaveCountGreaterThan(20);
    }

    [TestCaseSource(nameof(LoaderValidFiles))]
    public void Corpus_LoaderAccepts_SchemaAccepts(string path)
    {
        var load = new RuleFileLoader().Load([path]);
        load.Success.Should().BeTrue(load.FormatDiagnostics());

        var result = Validate(path);

        result.IsValid.Should().BeTrue(JsonSerializer.Serialize(result));
    }

    [TestCaseSource(nameof(LoaderInvalidFiles))]
    public void Corpus_LoaderRejects_SchemaRejects(string path)
    {
        var expected = LoaderCode.Match(File.ReadAllText(path));
        expected.Success.Should().BeTrue("each invalid corpus file starts with '# loader: ERxxxx', the loader's error for it");
        var load = new RuleFileLoader().Load([path]);
        load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code)
            .Should().Contain(expected.Groups["code"].Value, load.FormatDiagnostics());

        Validate(path).IsValid.Should().BeFalse("the loader rejects this file, so the editor should flag it too");
    }
}
