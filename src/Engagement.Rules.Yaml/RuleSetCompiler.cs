using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml;

/// <summary>
/// Compiles loaded rules with the engine (<see cref="RuleCompiler"/>), and reports a rejection the way the loader
/// reports its own problems: one <c>ER0050</c> error per engine error, located where the rejected rule starts in its
/// file (recorded by the loader), never as an exception. The rule file provider, the rule test runner, the DI
/// package and the command-line tool all compile loaded rules through here, so they report a rejection alike.
/// </summary>
public static class RuleSetCompiler
{
    /// <summary>
    /// Compiles a load's rules, with its <see cref="RuleLoadResult.Fingerprint"/> as the rule set's
    /// <see cref="CompiledRuleSet.Fingerprint"/>; reports every engine error as a located diagnostic.
    /// </summary>
    /// <param name="load">A successful load (a failed one has no rules: it compiles to an empty rule set).</param>
    /// <param name="fallbackFile">
    /// The file, folder or name cited (at 1:1) for an error of a rule whose start was not recorded by the loader.
    /// </param>
    /// <param name="ruleSet">The compiled rule set; null when the engine rejected a rule.</param>
    /// <param name="errors">
    /// Empty on success; otherwise one <c>ER0050</c> error per engine error, in the engine's order, each at its rule's
    /// own location and naming the rule.
    /// </param>
    /// <returns><see langword="true"/> when the rules compiled.</returns>
    /// <exception cref="ArgumentException"><paramref name="fallbackFile"/> is empty.</exception>
    public static bool TryCompile(
        RuleLoadResult load,
        string fallbackFile,
        [NotNullWhen(true)] out CompiledRuleSet? ruleSet,
        out IReadOnlyList<RuleDiagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(load);
        return TryCompile(load.Rules, load.Fingerprint, fallbackFile, out ruleSet, out errors);
    }

    /// <summary>Compiles <paramref name="rules"/>; reports every engine error as a located diagnostic.</summary>
    /// <param name="rules">Rules loaded by a <see cref="RuleFileLoader"/> (others are accepted too).</param>
    /// <param name="fingerprint">
    /// The rule set's <see cref="CompiledRuleSet.Fingerprint"/>: the loads' (<see cref="RuleLoadResult.Fingerprint"/>,
    /// or <see cref="RuleLoadResult.FingerprintOf"/> for rules of several loads), a host's own, or null for none.
    /// </param>
    /// <param name="fallbackFile">
    /// The file, folder or name cited (at 1:1) for an error of a rule whose start was not recorded by the loader.
    /// </param>
    /// <param name="ruleSet">The compiled rule set; null when the engine rejected a rule.</param>
    /// <param name="errors">
    /// Empty on success; otherwise one <c>ER0050</c> error per engine error, in the engine's order, each at its rule's
    /// own location and naming the rule.
    /// </param>
    /// <returns><see langword="true"/> when the rules compiled.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="rules"/> contains null, <paramref name="fallbackFile"/> is empty, or <paramref name="fingerprint"/>
    /// is not one (<see cref="RuleCompiler.Compile(IEnumerable{RuleDefinition}, string)"/>).
    /// </exception>
    public static bool TryCompile(
        IEnumerable<RuleDefinition> rules,
        string? fingerprint,
        string fallbackFile,
        [NotNullWhen(true)] out CompiledRuleSet? ruleSet,
        out IReadOnlyList<RuleDiagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallbackFile);
        var list = rules.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentException("The rules contain null.", nameof(rules));
        }

        try
        {
            ruleSet = RuleCompiler.Compile(list, fingerprint);
            errors = [];
            return true;
        }
        catch (RuleCompilationException ex)
        {
            ruleSet = null;
            errors = Diagnose(ex, list, fallbackFile);
            return false;
        }
    }

    /// <summary>
    /// Where <paramref name="rule"/> starts in its file, as the loader recorded it; <paramref name="fallbackFile"/> at
    /// 1:1 for a rule the loader did not build.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <param name="fallbackFile">The file, folder or name to cite when the rule's start is not recorded.</param>
    /// <returns>The location.</returns>
    public static SourceLocation LocationOf(RuleDefinition rule, string fallbackFile)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return TryGetLocation(rule) ?? new SourceLocation(fallbackFile, 1, 1);
    }

    /// <summary>Where <paramref name="rule"/> starts in its file, as the loader recorded it; null for a rule the loader did not build.</summary>
    internal static SourceLocation? TryGetLocation(RuleDefinition rule)
    {
        if (rule.Properties.TryGetValue(RuleDefinition.SourceProperty, out var value) && value is string text)
        {
            // The file may itself hold ':' (C:\rules\a.yaml): line and column are the last two parts.
            var parts = text.Split(':');
            if (parts.Length >= 3
                && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line > 0
                && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var column) && column > 0
                && string.Join(':', parts[..^2]) is { Length: > 0 } file)
            {
                return new SourceLocation(file, line, column);
            }
        }

        return null;
    }

    /// <summary>One located error per engine error; an error is cited at the first rule of its id.</summary>
    internal static IReadOnlyList<RuleDiagnostic> Diagnose(RuleCompilationException exception, IReadOnlyList<RuleDefinition> rules, string fallbackFile)
    {
        var byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            byId.TryAdd(rule.Id, rule);
        }

        return exception.Errors
            .Select(error => new RuleDiagnostic(
                DiagnosticCodes.RuleSetRejected,
                DiagnosticSeverity.Error,
                byId.TryGetValue(error.RuleId, out var rule) ? LocationOf(rule, fallbackFile) : new SourceLocation(fallbackFile, 1, 1),
                $"The rule engine rejected this rule: {error.Message}",
                error.RuleId))
            .ToArray();
    }
}
