using System.IO;
using System.Linq;
using System.Text;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Yaml.Tests.Testing;

/// <summary>Test files are shipped with rule files and held to the same limits: no reading outside, no blow-ups.</summary>
public sealed partial class RuleTestRunnerTest
{
    private const string OneCase = """

        cases:
          - name: nothing
            nothingElse: true
        """;

    [TestCase("/etc/passwd", "an absolute path")]
    [TestCase("../outside/secret.yaml", "leaves the test file's folder")]
    [TestCase("..", "leaves the test file's folder")]
    [TestCase("notes.txt", "is not a rule file")]
    public void Run_RulesKeyOutsideTheFolderOrNotARuleFile_FailsTheFileWithoutReadingIt(string path, string reason)
    {
        // /etc/passwd used to be read as rules, and the diagnostic quoted its first line.
        var outside = Path.Combine(Path.GetDirectoryName(_folder)!, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.yaml"), "apiVersion: engagement-rules/v1\npassword: hunter2\n");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "password=hunter2\n");
        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllText(testFile, Defaults.Replace("apiVersion: engagement-rule-tests/v1", $"apiVersion: engagement-rule-tests/v1\nrules: [\"{path}\"]", System.StringComparison.Ordinal) + OneCase);

        var result = new RuleTestRunner().Run([testFile]).Should().ContainSingle().Which;

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain($"rules.tests.yaml:2: 'rules' names '{path}'").And.Contain(reason).And.NotContain("hunter2").And.NotContain("root:");
    }

    [Test]
    public void Run_RulesKeyNamingTheFolderItself_IsAllowed()
    {
        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllText(testFile, Defaults.Replace("apiVersion: engagement-rule-tests/v1", "apiVersion: engagement-rule-tests/v1\nrules: [., ./]", System.StringComparison.Ordinal) + OneCase);

        new RuleTestRunner().Run([testFile]).Should().ContainSingle().Which.Passed.Should().BeTrue();
    }

    [Test]
    public void Run_AliasBomb_IsRefusedBeforeAnyExpansion()
    {
        // YamlStream shares an aliased node; converting the facts to JSON expanded 9^levels values (minutes, gigabytes).
        var bomb = new StringBuilder("    Junk0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"    Junk{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllText(testFile, Defaults + "\n" + bomb + OneCase);

        var result = new RuleTestRunner().Run([testFile]).Should().ContainSingle().Which;

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("Anchors (&a0) are not supported in test files");
    }

    [Test]
    public void Run_MillionLevelsOfNesting_IsRefusedNotAStackOverflow()
    {
        // YamlStream builds its tree recursively: this file ended the process with a stack overflow.
        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllText(testFile, "apiVersion: engagement-rule-tests/v1\ncases: " + new string('[', 1_000_000) + new string(']', 1_000_000) + "\n");

        var result = new RuleTestRunner().Run([testFile]).Should().ContainSingle().Which;

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("rules.tests.yaml:2: The file nests more than 64 levels");
    }

    [Test]
    public void Run_BytesThatAreNotUtf8_FailTheFileAtTheirLine()
    {
        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        var bytes = Encoding.UTF8.GetBytes(Defaults + OneCase);
        bytes[Encoding.UTF8.GetByteCount(Defaults[..Defaults.IndexOf("Dana", System.StringComparison.Ordinal)])] = 0xC3;
        File.WriteAllBytes(testFile, bytes);

        var result = new RuleTestRunner().Run([testFile]).Should().ContainSingle().Which;

        result.Passed.Should().BeFalse();
        var line = Defaults[..Defaults.IndexOf("Dana", System.StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        result.Message.Should().Contain($"rules.tests.yaml:{line}: The file is not UTF-8 text");
    }

    [Test]
    public void Run_FileWithByteOrderMark_IsRead()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), Rules);
        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllBytes(testFile, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Defaults + OneCase)]);

        new RuleTestRunner().Run([testFile]).Should().ContainSingle().Which.Passed.Should().BeTrue();
    }

    [Test]
    public void Run_AtOutsideTheEvaluatorsRange_FailsTheCaseSayingSoNotBlamingTheFacts()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), Rules);
        var testFile = Path.Combine(_folder, "rules.tests.yaml");
        File.WriteAllText(testFile, Defaults + OneCase.Replace("    nothingElse: true", "    at: 9999-12-31T00:00:00Z\n    nothingElse: true", System.StringComparison.Ordinal));

        var result = new RuleTestRunner().Run([testFile]).Should().ContainSingle().Which;

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("'at' is out of range: The evaluation instant 9999-12-31T00:00:00Z is after 9999-10-30T00:00:00Z").And.NotContain("not valid together");
    }

    [Test]
    public void Run_TestFileThatIsADevice_FailsUnread()
    {
        // A test file linked to /dev/zero (length 0) was read whole: OutOfMemoryException, "internal error" in the tool.
        Assume.That(File.Exists("/dev/zero"), "needs a Unix /dev/zero");
        var link = Path.Combine(_folder, "zero.tests.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        var result = new RuleTestRunner().Run([link]).Should().ContainSingle().Which;

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("zero.tests.yaml:1: This is not a regular file (a named pipe, device or socket)");
    }

    [Test]
    public void Run_TestFileThatIsANamedPipe_FailsUnreadInsteadOfHanging()
    {
        var pipe = Support.NamedPipe.Create(Path.Combine(_folder, "pipe.tests.yaml"));

        var results = Support.NamedPipe.WithoutHanging(pipe, () => new RuleTestRunner().Run([_folder]));

        var result = results.Should().ContainSingle().Which;
        result.Passed.Should().BeFalse();
        result.Message.Should().Be($"{pipe}:1: This is not a regular file (a named pipe, device or socket): reading it could block or never end, so it is not read.");
    }

    [Test]
    public void Run_TestFileLinkedFromOutsideTheFolder_FailsUnreadLikeARuleFile()
    {
        // Rule files found in a folder may not be links leading out of it (ER0032); test files found there may not either.
        var outside = Path.Combine(Path.GetDirectoryName(_folder)!, Path.GetFileName(_folder) + "-outside");
        Directory.CreateDirectory(outside);
        try
        {
            var target = Path.Combine(outside, "secret.tests.yaml");
            File.WriteAllText(target, Defaults + OneCase);
            var link = Path.Combine(_folder, "linked.tests.yaml");
            File.CreateSymbolicLink(link, target);

            var result = new RuleTestRunner().Run([_folder]).Should().ContainSingle().Which;

            result.Passed.Should().BeFalse();
            result.Case.Name.Should().Be("(file)", "the file's cases are not read");
            result.Message.Should().Be($"{link}:1: This is a symbolic link (or a file under a linked folder) that leads out of the tested folder '{_folder}'; a folder's test files are read only inside it. Copy the file into the folder, or name it as a path of its own.");
            new RuleTestRunner().Run([link]).Should().ContainSingle().Which.Case.Name.Should().Be("nothing", "a test file named as a path is read wherever its link leads, as a rule file is");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void Discover_LinkedTestFileNamedAsAPathAndFoundInItsFolder_IsReadWhicheverComesFirst()
    {
        // The refusal says "name it as a path of its own": named before its folder, the folder's refusal overwrote it.
        var outside = Path.Combine(Path.GetDirectoryName(_folder)!, Path.GetFileName(_folder) + "-outside");
        Directory.CreateDirectory(outside);
        try
        {
            var target = Path.Combine(outside, "secret.tests.yaml");
            File.WriteAllText(target, Defaults + OneCase);
            var link = Path.Combine(_folder, "linked.tests.yaml");
            File.CreateSymbolicLink(link, target);

            RuleTestRunner.Discover([link, _folder]).Select(c => c.Name).Should().Equal("nothing");
            RuleTestRunner.Discover([_folder, link]).Select(c => c.Name).Should().Equal("nothing");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
