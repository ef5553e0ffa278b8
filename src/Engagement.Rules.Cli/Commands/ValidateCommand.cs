using System.CommandLine;
using System.Linq;
using Engagement.Rules.Cli.Input;
using Engagement.Rules.Cli.Output;

namespace Engagement.Rules.Cli.Commands;

/// <summary><c>validate &lt;paths&gt;...</c>: loads rule files and prints every diagnostic; exit 1 on errors.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Rule files (*.yaml) or folders searched for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text (for people) or json (an array of diagnostics for editors and CI).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", "Load rule files and report every diagnostic (exit 1 when there are errors).") { paths, format };
        command.SetAction(parse => CliApplication.Execute(console, () =>
        {
            var files = parse.GetValue(paths)!;
            var result = RuleSource.LoadChecked(files);
            if (parse.GetValue(format) == "json")
            {
                DiagnosticText.WriteJson(console.Out, result.Diagnostics);
            }
            else
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    console.Out.WriteLine(DiagnosticText.Format(diagnostic));
                }

                var errors = result.Diagnostics.Count(d => d.Severity == Yaml.Diagnostics.DiagnosticSeverity.Error);
                var warnings = result.Diagnostics.Count - errors;
                console.Error.WriteLine(result.Success
                    ? $"{result.Rules.Count} rules loaded, {warnings} warnings."
                    : $"{errors} errors, {warnings} warnings.");
            }

            return result.Success ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }
}
