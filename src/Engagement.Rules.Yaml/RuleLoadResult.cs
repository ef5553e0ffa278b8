using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml;

/// <summary>
/// The outcome of loading rule files: the rules, and every problem found in every file. When there is any
/// error, <see cref="Rules"/> is empty: a rule set is loaded whole or not at all.
/// </summary>
public sealed class RuleLoadResult
{
    internal RuleLoadResult(IReadOnlyList<RuleDefinition> rules, IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        Success = !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        Rules = Success ? rules : [];
    }

    /// <summary>The enabled rules, in file order (files in ordinal path order); empty when there are errors.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Every error and warning, by file and position.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    /// <summary><see langword="true"/> when there is no error (warnings allowed).</summary>
    public bool Success { get; }

    /// <summary>All diagnostics formatted, one block per diagnostic, for a log or a console.</summary>
    /// <returns>The formatted diagnostics.</returns>
    public string FormatDiagnostics() => RuleDiagnostic.FormatAll(Diagnostics);
}
