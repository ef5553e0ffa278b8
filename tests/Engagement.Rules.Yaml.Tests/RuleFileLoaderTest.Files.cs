using System.IO;
using System.Linq;
using System.Text;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Files, folders, encodings, includes and limits: the diagnostics the corpus cannot carry.</summary>
public sealed partial class RuleFileLoaderTest
{
    internal const string SignalRule = """
        apiVersion: engagement-rules/v1
        rules:
          - id: {0}
            then: [ { signal: { name: s, customer: "'C1'" } } ]
        """;

    private static string Rule(string id) => SignalRule.Replace("{0}", id, System.StringComparison.Ordinal);

    [Test]
    public void Load_MissingPath_ReportsER0001()
    {
        var result = new RuleFileLoader().Load(["no/such/rules.yaml"]);

        result.ShouldReport("ER0001", 1, 1);
        result.Diagnostics[0].Location.File.Should().Be("no/such/rules.yaml");
    }

    [Test]
    public void Load_FileOverSizeLimit_ReportsER0002WithoutReadingIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("big.yaml", Rule("big") + new string('#', 200));

        var result = new RuleFileLoader(new RuleLoaderOptions { MaxFileBytes = 100 }).Load([path]);

        result.ShouldReport("ER0002", 1, 1);
        result.Diagnostics.Should().ContainSingle();
    }

    [Test]
    public void Load_RegularFileThatReportsNoLength_StopsAtTheSizeLimit()
    {
        // /proc files report length 0 and hold more: a length is no bound on what a read returns.
        Assume.That(File.Exists("/proc/self/maps"), "needs Linux /proc");

        var result = new RuleFileLoader(new RuleLoaderOptions { MaxFileBytes = 100 }).Load(["/proc/self/maps"]);

        result.ShouldReport("ER0002", 1, 1);
        result.Diagnostics[0].Message.Should().StartWith("The file holds more than 100 bytes (its reported length was 0");
    }

    [Test]
    public void Load_Device_IsRefusedWithER0006Unread()
    {
        // /dev/zero reports length 0: it was read until the process ran out of memory, then up to the size limit.
        Assume.That(File.Exists("/dev/zero"), "needs a Unix /dev/zero");

        var result = new RuleFileLoader().Load(["/dev/zero"]);

        result.ShouldReport("ER0006", 1, 1);
        result.Diagnostics[0].Message.Should().StartWith("'/dev/zero' is not a regular file (a named pipe, device or socket)");
    }

    [Test]
    public void Load_NamedPipeInTheFolder_IsRefusedWithER0006NotOpened()
    {
        // Opening a FIFO waits for a writer: validate and hot reload hung forever on one found in a rules folder.
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("first"));
        var pipe = Support.NamedPipe.Create(Path.Combine(folder.Path, "b.yaml"));

        var result = Support.NamedPipe.WithoutHanging(pipe, () => new RuleFileLoader().Load([folder.Path]));

        var refused = result.Diagnostics.Should().ContainSingle().Subject;
        (refused.Code, refused.Severity, refused.Location).Should().Be((DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, new SourceLocation(Path.Join(folder.Path, "b.yaml"), 1, 1)));
        refused.Message.Should().Contain("is not a regular file (a named pipe, device or socket): reading it could block or never end");
        result.Success.Should().BeFalse("a load is whole or nothing");
    }

    [Test]
    public void Load_IncludeOfANamedPipe_IsRefusedWithER0006NotOpened()
    {
        using var folder = new TempFolder();
        var main = folder.Write("main.yaml", "apiVersion: engagement-rules/v1\ninclude: [pipe.yaml]\nrules: []\n");
        var pipe = Support.NamedPipe.Create(Path.Combine(folder.Path, "pipe.yaml"));

        var result = Support.NamedPipe.WithoutHanging(pipe, () => new RuleFileLoader().Load([main]));

        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.FileUnreadable && d.Message.Contains("not a regular file"));
    }

    [Test]
    public void LoadFromText_TextOverSizeLimit_ReportsER0002()
    {
        var result = new RuleFileLoader(new RuleLoaderOptions { MaxFileBytes = 10 }).LoadFromText("t.yaml", Rule("big"));

        result.ShouldReport("ER0002", 1, 1);
    }

    [Test]
    public void Load_InvalidUtf8_ReportsER0003WithByteOffset()
    {
        using var folder = new TempFolder();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("apiVersion: engagement-rules/v1\nrules: x"), 0xFF, (byte)'\n'];
        var path = folder.WriteBytes("bad.yaml", bytes);

        var result = new RuleFileLoader().Load([path]);

        var diagnostic = result.Single("ER0003");
        (diagnostic.Location.Line, diagnostic.Location.Column).Should().Be((2, 9));
        diagnostic.Message.Should().Contain("byte offset 40");
    }

    [Test]
    public void Load_Utf16File_ReportsER0004()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("utf16.yaml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Rule("r"))).ToArray());

        new RuleFileLoader().Load([path]).ShouldReport("ER0004", 1, 1);
    }

    [Test]
    public void Load_Utf8Bom_IsAccepted()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bom.yaml", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Rule("with-bom"))).ToArray());

        var result = new RuleFileLoader().Load([path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Should().ContainSingle();
    }

    [Test]
    public void LoadFromText_Include_ReportsER0034()
    {
        var result = new RuleFileLoader().LoadFromText("t.yaml", "apiVersion: engagement-rules/v1\ninclude: [a.yaml]\n");

        result.ShouldReport("ER0034", 2, 11);
    }

    [Test]
    public void Load_MoreRulesThanLimit_ReportsER0040AtTheFirstRuleOver()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("one"));
        folder.Write("b.yaml", Rule("two"));

        var result = new RuleFileLoader(new RuleLoaderOptions { MaxRules = 1 }).Load([folder.Path]);

        result.ShouldReport("ER0040", 3, 5);
        result.Single("ER0040").Location.File.Should().EndWith("b.yaml");
    }

    [Test]
    public void Load_MoreFilesThanLimit_ReportsER0041()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("one"));
        folder.Write("b.yaml", Rule("two"));

        var result = new RuleFileLoader(new RuleLoaderOptions { MaxFiles = 1 }).Load([folder.Path]);

        result.ShouldReport("ER0041", 1, 1);
    }

    [Test]
    public void LoadFromText_ExpressionOverLengthLimit_ReportsER0042()
    {
        var text = Rule("long").Replace("'C1'", "'" + new string('x', 50) + "'", System.StringComparison.Ordinal);

        var result = new RuleFileLoader(new RuleLoaderOptions { MaxExpressionLength = 20 }).LoadFromText("t.yaml", text);

        result.ShouldReport("ER0042", 4, 44);
    }

    [Test]
    public void LoadFromText_RuleAtTheLevelLimit_LoadsCompilesAndMatches()
    {
        // The evaluation context is the first level: 63 patterns more reach the limit exactly.
        var patterns = string.Concat(Enumerable.Range(1, Engine.RuleCompiler.MaxLevels - 1).Select(i => $"\n      - v{i}: Vehicle"));
        var text = Rule("deep").Replace("    then:", "    when:" + patterns + "\n    then:", System.StringComparison.Ordinal);

        var result = new RuleFileLoader().LoadFromText("t.yaml", text);

        result.Diagnostics.Should().BeEmpty();
        var rules = Engine.RuleCompiler.Compile(result.Rules);
        using var session = rules.CreateSession();
        session.Insert(new Evaluation.EvaluationContext(NodaTime.Instant.FromUtc(2026, 3, 10, 15, 0), NodaTime.DateTimeZone.Utc));
        session.Insert(new Engagement.Rules.Facts.Vehicle { Vin = Engagement.Rules.Facts.Vin.Parse("1HGCM82633A004352"), OwnerCustomerId = "C1", Make = "Honda", Model = "Accord", ModelYear = 2023 });
        session.GetAgenda().Should().ContainSingle("every pattern matches the one vehicle");
    }

    [Test]
    public void Load_ConditionOfAFileNotIncluded_ReportsER1008()
    {
        using var folder = new TempFolder();
        folder.Write("a-conditions.yaml", "apiVersion: engagement-rules/v1\nconditions: { ambassador: \"customer.isAmbassador\" }\n");
        folder.Write("b-rules.yaml", """
            apiVersion: engagement-rules/v1
            rules:
              - id: uses-foreign-condition
                when: [ { customer: Customer, where: ambassador } ]
                then: [ { signal: { name: s } } ]
            """);

        var result = new RuleFileLoader().Load([folder.Path]);

        result.ShouldReport("ER1008", 4, 42);
    }

    [Test]
    public void Load_ConditionOfAnIncludedFile_IsVisible()
    {
        using var folder = new TempFolder();
        folder.Write("common/conditions.yaml", "apiVersion: engagement-rules/v1\nconditions: { ambassador: \"customer.isAmbassador\" }\n");
        var rules = folder.Write("rules/b.yaml", """
            apiVersion: engagement-rules/v1
            include: [../common/conditions.yaml]
            rules:
              - id: uses-included-condition
                when: [ { customer: Customer, where: ambassador } ]
                then: [ { signal: { name: s } } ]
            """);

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("uses-included-condition");
        new RuleFileLoader().Load([rules]).Success.Should().BeFalse("loading the sub-folder file alone makes its folder the root, which the include leaves");
    }

    [Test]
    public void Load_DuplicateRuleIdAcrossFiles_CitesBothLocations()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("same"));
        folder.Write("b.yaml", Rule("same"));

        var result = new RuleFileLoader().Load([folder.Path]);

        var diagnostic = result.Single("ER1001");
        diagnostic.Location.File.Should().EndWith("b.yaml");
        diagnostic.Message.Should().Contain("a.yaml:3:9");
    }

    [Test]
    public void Load_Folder_SkipsTestFilesAndHiddenEntriesAndSortsFiles()
    {
        using var folder = new TempFolder();
        folder.Write("b.yaml", Rule("from-b"));
        folder.Write("a.yml", Rule("from-a"));
        folder.Write("sub/c.yaml", Rule("from-c"));
        folder.Write("a.tests.yaml", "not: [valid");
        folder.Write(".hidden/d.yaml", "not: [valid");
        folder.Write("readme.txt", "not: [valid");

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("from-a", "from-b", "from-c");
    }

    [Test]
    public void Load_FileIncludedAndListed_IsLoadedOnce()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", "apiVersion: engagement-rules/v1\ninclude: [b.yaml]\n");
        folder.Write("b.yaml", Rule("only-once"));

        var result = new RuleFileLoader().Load([folder.Path, Path.Combine(folder.Path, "b.yaml")]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Should().ContainSingle();
    }

    [Test]
    public void Load_ErrorsInSeveralFiles_ReportsAllInOnePass()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("Bad Id"));
        folder.Write("b.yaml", "apiVersion: engagement-rules/v1\nrulez: []\n");
        folder.Write("c.yaml", "apiVersion: [\n");

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Diagnostics.Select(d => (Path.GetFileName(d.Location.File), d.Code)).Should().Equal(
            ("a.yaml", "ER1002"), ("b.yaml", "ER0020"), ("c.yaml", "ER0010"));
        result.Rules.Should().BeEmpty();
    }

    [Test]
    public void Format_Diagnostic_QuotesTheLineWithACaret()
    {
        var result = TestLoading.Load("apiVersion: engagement-rules/v1\nrules:\n  - id: x\n    tgas: []\n    then: [ { signal: { name: s, customer: \"'C1'\" } } ]\n");

        result.Single("ER0020").Format().Should().Be(
            "rules.yaml:4:5: error ER0020: Unknown key 'tgas' in a rule. Did you mean 'tags'? [rule x]\n    tgas: []\n    ^");
    }
}

/// <summary>Symbolic links cannot take a load out of its rule folder.</summary>
public sealed partial class RuleFileLoaderTest
{
    [Test]
    public void Load_IncludeThroughLinkedFolder_ReportsER0032()
    {
        using var outside = new TempFolder();
        outside.Write("secret.yaml", Rule("secret"));
        using var folder = new TempFolder();
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), outside.Path);
        var path = folder.Write("a.yaml", "apiVersion: engagement-rules/v1\ninclude: [linked/secret.yaml]\n");

        var result = new RuleFileLoader().Load([path]);

        result.ShouldReport("ER0032", 2, 11);
        result.Rules.Should().BeEmpty();
    }

    [Test]
    public void Load_FolderWithLinkedSubFolder_DoesNotFollowIt()
    {
        using var outside = new TempFolder();
        outside.Write("secret.yaml", Rule("secret"));
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("inside"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop"), folder.Path);

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("inside");
    }
}
