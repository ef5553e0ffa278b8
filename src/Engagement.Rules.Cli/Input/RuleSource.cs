using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Diagnostics;

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
        Print(result.Diagnostics, console);
        if (!result.Success)
        {
            throw new CliException(ExitCodes.Failed, "The rules did not load; fix the errors above (see 'engagement-rules validate').");
        }

        if (result.Rules.Count == 0)
        {
            throw new CliException(ExitCodes.BadInput, $"No rules found in {string.Join(", ", paths)}.");
        }

        return (result.Rules, Compile(result.Rules, result.Fingerprint, string.Join(", ", paths), console));
    }

    /// <summary>
    /// Compiles loaded rules; an engine rejection is printed as diagnostics (ER0050 at each rejected rule's own
    /// location) and ends the command with exit code 1, as a rule that does not load does.
    /// </summary>
    public static CompiledRuleSet Compile(IReadOnlyList<RuleDefinition> rules, string? fingerprint, string fallbackSource, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (RuleSetCompiler.TryCompile(rules, fingerprint, fallbackSource, out var compiled, out var errors))
        {
            return compiled;
        }

        Print(errors, console);
        throw new CliException(ExitCodes.Failed, "The rule engine rejected the rules; fix the errors above (see 'engagement-rules validate').");
    }

    /// <summary>
    /// The diagnostics <c>validate</c> reports: the loader's, and, when the rules loaded, the engine's rejections
    /// (ER0050 at each rejected rule), so that <c>validate</c> passes exactly the rules the other commands run.
    /// </summary>
    public static IReadOnlyList<RuleDiagnostic> Validate(IReadOnlyList<RuleDefinition> rules, IReadOnlyList<RuleDiagnostic> loadDiagnostics, string fallbackSource)
    {
        ArgumentNullException.ThrowIfNull(loadDiagnostics);
        if (loadDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            || RuleSetCompiler.TryCompile(rules, null, fallbackSource, out _, out var errors))
        {
            return loadDiagnostics;
        }

        return loadDiagnostics.Concat(errors).ToArray();
    }

    // Errors and warnings alike go to stderr: stdout carries the command's own output.
    private static void Print(IEnumerable<RuleDiagnostic> diagnostics, CliConsole console)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Error.WriteLine(Output.DiagnosticText.Format(diagnostic));
        }
    }
}
