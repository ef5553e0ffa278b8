using System;
using System.IO;
using System.Linq;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>
/// Linked files in a loaded folder are held to the folder root, like includes; a linked file is the file it leads to:
/// read once, its includes resolved beside it.
/// </summary>
public sealed partial class RuleFileLoaderTest
{
    [Test]
    public void Load_FolderWithLinkedFileLeadingOut_ReportsER0032AtTheLinkAndDoesNotReadIt()
    {
        using var outside = new TempFolder();
        var secret = outside.Write("secret.yaml", Rule("secret"));
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("inside"));
        LinkFile(Path.Combine(folder.Path, "link.yaml"), secret);

        var result = new RuleFileLoader().Load([folder.Path]);

        result.ShouldReport("ER0032", 1, 1);
        result.Diagnostics.Should().ContainSingle(result.FormatDiagnostics());
        result.Single("ER0032").Location.File.Should().Be(Path.Join(folder.Path, "link.yaml"));
        result.Single("ER0032").Message.Should().Contain("leads out of the rule folder").And.NotContain("secret");
        result.Rules.Should().BeEmpty();
    }

    [Test]
    public void Load_FolderWithLinkedFileThroughALinkedFolder_ReportsER0032()
    {
        using var outside = new TempFolder();
        outside.Write("secret.yaml", Rule("secret"));
        using var folder = new TempFolder();
        Link(() => Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), outside.Path));
        LinkFile(Path.Combine(folder.Path, "link.yaml"), Path.Combine("linked", "secret.yaml"));

        var result = new RuleFileLoader().Load([folder.Path]);

        result.ShouldReport("ER0032", 1, 1);
        result.Rules.Should().BeEmpty();
    }

    [Test]
    public void Load_FolderWithLinkedFileInsideIt_LoadsTheTarget()
    {
        using var folder = new TempFolder();
        folder.Write(Path.Combine(".shared", "kept.yaml"), Rule("kept"));
        LinkFile(Path.Combine(folder.Path, "link.yaml"), Path.Combine(".shared", "kept.yaml"));

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("kept");
    }

    [Test]
    public void Load_LinkedFileNamedByTheHost_IsRead()
    {
        // A path the host names itself is trusted wherever it leads; only what a folder or an include brings in is held to the root.
        using var outside = new TempFolder();
        var target = outside.Write("shared.yaml", Rule("shared"));
        using var folder = new TempFolder();
        var link = Path.Combine(folder.Path, "link.yaml");
        LinkFile(link, target);

        var result = new RuleFileLoader().Load([link]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("shared");
    }

    [Test]
    public void Load_IncludeOfLinkedFileLeadingOut_ReportsER0032()
    {
        using var outside = new TempFolder();
        var secret = outside.Write("secret.yaml", Rule("secret"));
        using var folder = new TempFolder();
        var hidden = Path.Combine(folder.Path, ".links");
        Directory.CreateDirectory(hidden);
        LinkFile(Path.Combine(hidden, "secret.yaml"), secret);
        var path = folder.Write("a.yaml", "apiVersion: engagement-rules/v1\ninclude: [.links/secret.yaml]\n");

        var result = new RuleFileLoader().Load([path]);

        result.ShouldReport("ER0032", 2, 11);
    }

    [Test]
    public void Load_FolderAndALinkToOneOfItsFiles_ReadsTheFileOnce()
    {
        // Review F17: the link used to be a second file, so every rule of the target was a duplicate (ER1001).
        using var folder = new TempFolder();
        var target = folder.Write("a.yaml", Rule("only-once"));
        using var elsewhere = new TempFolder();
        var link = Path.Combine(elsewhere.Path, "link.yaml");
        LinkFile(link, target);

        var result = new RuleFileLoader().Load([folder.Path, link]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("only-once");
    }

    [Test]
    public void Load_FolderAndOneOfItsFilesThroughALinkedFolder_ReadsTheFileOnce()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("only-once"));
        using var elsewhere = new TempFolder();
        var linkedFolder = Path.Combine(elsewhere.Path, "linked");
        Link(() => Directory.CreateSymbolicLink(linkedFolder, folder.Path));

        var result = new RuleFileLoader().Load([folder.Path, Path.Combine(linkedFolder, "a.yaml")]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("only-once");
    }

    [Test]
    public void Load_FolderWithALinkToAnotherOfItsFiles_ReadsTheFileOnce()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Rule("only-once"));
        LinkFile(Path.Combine(folder.Path, "b.yaml"), "a.yaml");

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("only-once");
    }

    [TestCase(false, TestName = "Load_LinkedFileNamedByTheHost_ResolvesItsIncludesBesideTheTarget")]
    [TestCase(true, TestName = "Load_FolderAndALinkToAFileWithIncludes_ReadsEachFileOnce")]
    public void Load_LinkToAFileWithIncludes(bool withTheTargetsFolder)
    {
        // Review F17, the reviewer's 'validate rules/ /elsewhere/svc-link.yaml': the includes of a linked file used to
        // be looked for beside the link (ER0030), and with the folder too, every rule was read twice (ER1001).
        using var rules = new TempFolder();
        rules.Write("policy.yaml", Rule("included"));
        var target = rules.Write("service.yaml", Rule("service").Replace("rules:", "include: [policy.yaml]\nrules:", StringComparison.Ordinal));
        using var elsewhere = new TempFolder();
        var link = Path.Combine(elsewhere.Path, "svc-link.yaml");
        LinkFile(link, target);

        var result = new RuleFileLoader().Load(withTheTargetsFolder ? [rules.Path, link] : [link]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().BeEquivalentTo("included", "service");
    }

    [Test]
    public void Load_LinkedFileWithAMissingInclude_NamesTheIncludeBesideTheTarget()
    {
        using var rules = new TempFolder();
        var target = rules.Write("service.yaml", "apiVersion: engagement-rules/v1\ninclude: [missing.yaml]\n");
        using var elsewhere = new TempFolder();
        var link = Path.Combine(elsewhere.Path, "svc-link.yaml");
        LinkFile(link, target);

        var result = new RuleFileLoader().Load([link]);

        result.ShouldReport("ER0030", 2, 11);
        result.Single("ER0030").Message.Should().Contain(Path.Combine(rules.Path, "missing.yaml"));
    }

    private static void LinkFile(string link, string target) => Link(() => File.CreateSymbolicLink(link, target));

    /// <summary>Creates a link, or ignores the test where the OS does not let this process create one.</summary>
    private static void Link(Action create)
    {
        try
        {
            create();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or PlatformNotSupportedException)
        {
            Assert.Ignore($"Symbolic links cannot be created here: {e.Message}");
        }
    }
}
