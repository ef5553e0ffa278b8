using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Every loader code is documented, and has a test that asserts its code, line and column.</summary>
public sealed class DiagnosticCodesTest
{
    /// <summary>
    /// Codes tested by a named test in RuleFileLoaderTest.Files.cs (they need files, bytes or options; ER1020, a warning,
    /// in RuleFileLoaderTest.NamedConditions.cs: a broken corpus file has errors, which hide it), or, for ER0050
    /// (the engine rejecting a loaded rule), in RuleSetCompilerTest and the tests of its consumers; ER0051 (a reload to no
    /// rules) in FileSystemRuleSetProviderTest and the DI hot-reload tests.
    /// </summary>
    private static readonly string[] TestedOutsideTheCorpus =
        ["ER0001", "ER0002", "ER0003", "ER0004", "ER0034", "ER0040", "ER0041", "ER0042", "ER0006", "ER0050", "ER0051", "ER0052", "ER1008", "ER1020"];

    /// <summary>None: ER0006 is tested with a named pipe (Linux), its unreadable-file case is not reproducible as root.</summary>
    private static readonly string[] Untested = [];

    private static string[] AllCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Test]
    public void Codes_AreUniqueAndInTheirRanges()
    {
        var codes = AllCodes();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().AllSatisfy(c => c.Should().MatchRegex("^ER[01][0-9]{3}$"));
    }

    [Test]
    public void Docs_TableListsExactlyTheLoaderCodes()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rule-language.md"));
        var documented = Regex.Matches(docs, @"^\| (ER[01][0-9]{3}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

        documented.Should().BeEquivalentTo(AllCodes());
    }

    [Test]
    public void Tests_CoverEveryCode()
    {
        var inCorpus = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "broken"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^# expect: (ER[0-9]{4})", RegexOptions.Multiline).Select(m => m.Groups[1].Value));

        inCorpus.Concat(TestedOutsideTheCorpus).Concat(Untested).Distinct().Should().BeEquivalentTo(AllCodes());
    }
}
