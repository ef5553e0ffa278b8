using System.CommandLine;
using System.IO;
using System.Linq;
using Engagement.Rules.Cli.Input;
using Engagement.Rules.Yaml.Testing;

namespace Engagement.Rules.Cli.Commands;

/// <summary><c>test &lt;paths&gt;...</c>: runs the rule tests (<c>*.tests.yaml</c>, <c>*.tests.yml</c>) with the library's runner.</summary>
internal static class TestCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Test files (*.tests.yaml, *.tests.yml) or folders searched for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("test", "Run the rule tests (*.tests.yaml, *.tests.yml) and report failures with expected vs actual (exit 1 on any failure).") { paths };
        command.SetAction(parse => CliApplication.Execute(console, () =>
        {
            var folders = parse.GetValue(paths)!;
            RuleSource.CheckPathsExist(folders, "test files");
            var results = new RuleTestRunner().Run(folders);
            if (results.Count == 0)
            {
                throw new CliException(ExitCodes.BadInput, $"No rule tests (*.tests.yaml, *.tests.yml) found in {string.Join(", ", folders)}.");
            }

            foreach (var failure in results.Where(r => !r.Passed))
            {
                console.Out.WriteLine($"FAIL {Display(failure.Case.File)}:{failure.Case.Line}: {failure.Case.Name}");
                foreach (var line in failure.Message.Split('\n'))
                {
                    console.Out.WriteLine($"  {line.TrimEnd('\r')}");
                }
            }

            var failed = results.Count(r => !r.Passed);
            console.Out.WriteLine($"{results.Count - failed} passed, {failed} failed");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>A path relative to the current folder when it is below it, else as given.</summary>
    private static string Display(string file)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", System.StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
