using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;

namespace Engagement.Rules.Cli.Input;

/// <summary>Loads rule files for a command: missing paths are bad input (exit 2), rule errors fail (exit 1).</summary>
internal static class RuleSource
{
    public static void CheckPathsExist(IEnumerable<string> paths, string what)
    {
        var list = paths.ToArray();
        if (list.Length == 0)
        {
            throw new CliException(ExitCodes.BadInput, $"No {what} given.");
        }

        foreach (var path in list)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new CliException(ExitCodes.BadInput, $"{path}: no such file or folder ({what}).");
            }
        }
    }

    public static RuleLoadResult LoadChecked(IReadOnlyList<string> paths)
    {
        CheckPathsExist(paths, "rule files");
        return new RuleFileLoader().Load(paths);
    }

    /// <summary>Loads and compiles; rule errors are printed as diagnostics and end the command with exit code 1.</summary>
    public static (IReadOnlyList<RuleDefinition> Rules, CompiledRuleSet Compiled) LoadAndCompile(IReadOnlyList<string> paths, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var result = LoadChecked(paths);
        if (!result.Success)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                console.Error.WriteLine(Output.DiagnosticText.Format(diagnostic));
            }

            throw new CliException(ExitCodes.Failed, "The rules did not load; fix the errors above (see 'engagement-rules validate').");
        }

        foreach (var warning in result.Diagnostics)
        {
            console.Error.WriteLine(Output.DiagnosticText.Format(warning));
        }

        if (result.Rules.Count == 0)
        {
            throw new CliException(ExitCodes.BadInput, $"No rules found in {string.Join(", ", paths)}.");
        }

        return (result.Rules, RuleCompiler.Compile(result.Rules));
    }
}
