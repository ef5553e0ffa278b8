using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Loading;

namespace Engagement.Rules.Yaml;

/// <summary>
/// The outcome of loading rule files: the rules, and every problem found in every file. When there is any
/// error, <see cref="Rules"/> is empty: a rule set is loaded whole or not at all.
/// </summary>
public sealed class RuleLoadResult
{
    internal RuleLoadResult(IReadOnlyList<RuleDefinition> rules, IReadOnlyList<RuleDiagnostic> diagnostics, RuleSourceManifest sources)
    {
        Diagnostics = diagnostics;
        Success = !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        Rules = Success ? rules : [];
        Sources = sources;
        Fingerprint = RuleSourceManifest.Fingerprint([sources]);
    }

    /// <summary>The enabled rules, in file order (files in ordinal path order); empty when there are errors.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Every error and warning, by file and position.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    /// <summary><see langword="true"/> when there is no error (warnings allowed).</summary>
    public bool Success { get; }

    /// <summary>
    /// The identity of the rule sources read: 32 lower-case hex digits (the first 128 bits of a SHA-256) over every
    /// file read, in load order, by its path relative to the folder it was found in (a file given by itself: its
    /// name; text: the name given) and its bytes, a CR LF counted as LF (docs/rule-language.md, "Rule-set
    /// fingerprint"). The same files give the same fingerprint wherever they are and on any machine; a change of
    /// any byte, a renamed, added or removed file, or another load order give another. Compiled through
    /// <see cref="RuleSetCompiler.TryCompile(RuleLoadResult, string, out CompiledRuleSet?, out IReadOnlyList{RuleDiagnostic})"/>,
    /// it is the rule set's <see cref="CompiledRuleSet.Fingerprint"/>, which every evaluation result carries. Set
    /// on a failed load too (over the files that could be read), so a rejected version can be logged.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The sources read, for <see cref="FingerprintOf"/>.</summary>
    internal RuleSourceManifest Sources { get; }

    /// <summary>
    /// The fingerprint of a rule set made of several loads' rules (files and text loaded separately, as the DI
    /// package does): that of one load of all their sources, in the order given. For one load, its
    /// <see cref="Fingerprint"/>.
    /// </summary>
    /// <param name="loads">The loads, in the order their rules are compiled.</param>
    /// <returns>32 lower-case hex digits.</returns>
    /// <exception cref="ArgumentException"><paramref name="loads"/> contains null.</exception>
    public static string FingerprintOf(IEnumerable<RuleLoadResult> loads)
    {
        ArgumentNullException.ThrowIfNull(loads);
        var sources = new List<RuleSourceManifest>();
        foreach (var load in loads)
        {
            sources.Add(load?.Sources ?? throw new ArgumentException("The loads contain null.", nameof(loads)));
        }

        return RuleSourceManifest.Fingerprint(sources);
    }

    /// <summary>All diagnostics formatted, one block per diagnostic, for a log or a console.</summary>
    /// <returns>The formatted diagnostics.</returns>
    public string FormatDiagnostics() => RuleDiagnostic.FormatAll(Diagnostics);
}
