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
            var diagnostics = RuleSource.Validate(result.Rules, result.Diagnostics, string.Join(", ", files));
            var errors = diagnostics.Count(d => d.Severity == Yaml.Diagnostics.DiagnosticSeverity.Error);
            if (parse.GetValue(format) == "json")
            {
                DiagnosticText.WriteJson(console.Out, diagnostics);
            }
            else
            {
                foreach (var diagnostic in diagnostics)
                {
                    console.Out.WriteLine(DiagnosticText.Format(diagnostic));
                }

                var warnings = diagnostics.Count - errors;
                console.Error.WriteLine(errors == 0
                    ? $"{Plural.Of(result.Rules.Count, "rule")} loaded, {Plural.Of(warnings, "warning")}."
                    : $"{Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")}.");
            }

            return errors == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }
}
