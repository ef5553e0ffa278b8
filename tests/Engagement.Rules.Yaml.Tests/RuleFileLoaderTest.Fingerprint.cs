using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// The rule-set fingerprint: the same rule sources give the same one wherever they are loaded from, and any change of
/// a source gives another.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    private const string IncludedConditions = "apiVersion: engagement-rules/v1\nconditions: { ambassador: \"customer.isAmbassador\" }\n";

    private const string IncludingRule = """
        apiVersion: engagement-rules/v1
        include: [../common/conditions.yaml]
        rules:
          - id: uses-included-condition
            when: [ { customer: Customer, where: ambassador } ]
            then: [ { signal: { name: s } } ]
        """;

    /// <summary>A rule pack with a sub-folder and an include, written into a fresh folder.</summary>
    private static TempFolder Pack(Func<string, string>? change = null)
    {
        change ??= text => text;
        var folder = new TempFolder();
        folder.Write("common/conditions.yaml", change(IncludedConditions));
        folder.Write("rules/b.yaml", change(IncludingRule));
        folder.Write("rules/a.yaml", change(Rule("plain")));
        return folder;
    }

    [Test]
    public void Fingerprint_SameFilesInAnotherFolder_IsTheSame()
    {
        using var first = Pack();
        using var second = Pack();

        var one = new RuleFileLoader().Load([first.Path]);
        var other = new RuleFileLoader().Load([second.Path]);

        one.Success.Should().BeTrue(one.FormatDiagnostics());
        other.Fingerprint.Should().Be(one.Fingerprint, "the folders' absolute paths differ, their files do not");
        one.Fingerprint.Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Test]
    public void Fingerprint_RelativeAndAbsolutePathToTheSameFolder_IsTheSame()
    {
        using var folder = Pack();
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder.Path);

        new RuleFileLoader().Load([relative]).Fingerprint.Should().Be(new RuleFileLoader().Load([folder.Path]).Fingerprint);
    }

    [Test]
    public void Fingerprint_CrLfLineEndings_IsTheSameAsLf()
    {
        using var lf = Pack(text => text.ReplaceLineEndings("\n"));
        using var crlf = Pack(text => text.ReplaceLineEndings("\r\n"));

        var windows = new RuleFileLoader().Load([crlf.Path]);

        windows.Success.Should().BeTrue(windows.FormatDiagnostics());
        windows.Fingerprint.Should().Be(new RuleFileLoader().Load([lf.Path]).Fingerprint, "a checkout that converts line endings has the same rules");
    }

    [Test]
    public void Fingerprint_OneByteChangedInAnyFile_Differs()
    {
        using var original = Pack();
        var fingerprint = new RuleFileLoader().Load([original.Path]).Fingerprint;

        foreach (var file in new[] { "common/conditions.yaml", "rules/a.yaml", "rules/b.yaml" })
        {
            using var changed = Pack();
            var path = Path.Combine(changed.Path, file);
            File.AppendAllText(path, "#");

            new RuleFileLoader().Load([changed.Path]).Fingerprint.Should().NotBe(fingerprint, $"{file} changed (by a comment)");
        }
    }

    [Test]
    public void Fingerprint_RenamedAddedOrRemovedFile_Differs()
    {
        using var original = Pack();
        var fingerprint = new RuleFileLoader().Load([original.Path]).Fingerprint;

        using var renamed = Pack();
        File.Move(Path.Combine(renamed.Path, "rules/a.yaml"), Path.Combine(renamed.Path, "rules/a2.yaml"));
        using var added = Pack();
        added.Write("rules/c.yaml", Rule("another"));
        using var removed = Pack();
        File.Delete(Path.Combine(removed.Path, "rules/a.yaml"));

        new RuleFileLoader().Load([renamed.Path]).Fingerprint.Should().NotBe(fingerprint, "a file was renamed");
        new RuleFileLoader().Load([added.Path]).Fingerprint.Should().NotBe(fingerprint, "a file was added");
        new RuleFileLoader().Load([removed.Path]).Fingerprint.Should().NotBe(fingerprint, "a file was removed");
    }

    [Test]
    public void Fingerprint_DisabledRuleChanged_Differs()
    {
        // A disabled rule is not loaded, but it is part of the sources: enabling it later is another version.
        const string Disabled = "apiVersion: engagement-rules/v1\nrules:\n  - id: off\n    enabled: false\n    then: [ { signal: { name: s, customer: \"'C1'\" } } ]\n";

        var one = new RuleFileLoader().LoadFromText("t.yaml", Disabled);
        var other = new RuleFileLoader().LoadFromText("t.yaml", Disabled.Replace("name: s", "name: t", StringComparison.Ordinal));

        one.Success.Should().BeTrue(one.FormatDiagnostics());
        one.Rules.Should().BeEmpty();
        other.Fingerprint.Should().NotBe(one.Fingerprint);
    }

    [Test]
    public void Fingerprint_IsTheDocumentedHashOfPathsAndDigests()
    {
        // docs/rule-language.md, "Rule-set fingerprint": files in load order (an include after the file including it).
        using var folder = Pack();
        var files = new[] { "common/conditions.yaml", "rules/a.yaml", "rules/b.yaml" };
        var manifest = new StringBuilder("rules/v1\n");
        foreach (var file in files)
        {
            var content = File.ReadAllBytes(Path.Combine(folder.Path, file));
            manifest.Append(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(file)}:{file}{Convert.ToHexStringLower(SHA256.HashData(content))}\n");
        }

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())))[..32];

        new RuleFileLoader().Load([folder.Path]).Fingerprint.Should().Be(expected);
    }

    [Test]
    public void Fingerprint_FilesGivenByThemselves_AreNamedByTheirFileNames()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var one = first.Write("x/checkup.yaml", Rule("checkup"));
        var other = second.Write("y/z/checkup.yaml", Rule("checkup"));

        new RuleFileLoader().Load([other]).Fingerprint.Should().Be(new RuleFileLoader().Load([one]).Fingerprint);
        new RuleFileLoader().LoadFromText("checkup.yaml", Rule("checkup")).Fingerprint.Should().Be(new RuleFileLoader().Load([one]).Fingerprint, "text is named by the name given");
    }

    [Test]
    public void FingerprintOf_SeveralLoads_IsThatOfOneLoadOfTheirFiles()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.yaml", Rule("a"));
        var b = folder.Write("b.yaml", Rule("b"));
        var loader = new RuleFileLoader();
        var loadA = loader.Load([a]);

        RuleLoadResult.FingerprintOf([loadA]).Should().Be(loadA.Fingerprint);
        RuleLoadResult.FingerprintOf([loadA, loader.Load([b])]).Should().Be(loader.Load([a, b]).Fingerprint);
        RuleLoadResult.FingerprintOf([loader.Load([b]), loadA]).Should().NotBe(loader.Load([a, b]).Fingerprint, "the order of the rules is part of the rule set");
    }

    [Test]
    public void FingerprintOf_NullLoad_Throws()
    {
        var act = () => RuleLoadResult.FingerprintOf([null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("loads");
    }

    [Test]
    public void Fingerprint_CompiledThroughTheLoad_IsTheRuleSets()
    {
        using var folder = Pack();
        var load = new RuleFileLoader().Load([folder.Path]);

        RuleSetCompiler.TryCompile(load, folder.Path, out var ruleSet, out _).Should().BeTrue();

        ruleSet!.Fingerprint.Should().Be(load.Fingerprint);
    }

    [Test]
    public void Fingerprint_FolderFilesOrder_IsTheSameWithWindowsSeparators()
    {
        // A folder's files are loaded in this order, which makes the rules' order and the fingerprint: by the raw
        // strings, "core\\x.yaml" sorts after "core2.yaml" and "coreA.yaml" on Windows, "core/x.yaml" before them on Unix.
        string[] unix = ["coreA.yaml", "core2.yaml", "core/x.yaml", "core.yaml", "core/a/b.yaml"];
        var windows = unix.Select(p => p.Replace('/', '\\')).ToList();
        var sortedUnix = unix.ToList();

        sortedUnix.Sort((a, b) => Loading.RuleFileSet.ComparePortably(a, b, '/'));
        windows.Sort((a, b) => Loading.RuleFileSet.ComparePortably(a, b, '\\'));

        windows.Select(p => p.Replace('\\', '/')).Should().Equal(sortedUnix);
        sortedUnix.Should().Equal(unix.Order(StringComparer.Ordinal), "on Unix the order stays the ordinal one");
    }
}
