using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.DependencyInjection;

/// <summary>Loads and compiles every configured rule source together: all problems of all sources, or one rule set.</summary>
internal static class RuleSources
{
    public static IReadOnlyList<string> ResourceNames(EmbeddedRules embedded) => embedded.Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(embedded.Prefix, StringComparison.Ordinal) && RuleFileFilter.IsRuleFile(n))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static RuleSetLoad Load(EngagementRulesOptions options)
    {
        var catalog = BuiltInFactTypes.CreateCatalog();
        foreach (var (type, name) in options.FactTypes)
        {
            catalog.Register(type, name);
        }

        var loader = new RuleFileLoader(options.Loader with { Catalog = catalog });
        var results = new List<(string Source, RuleLoadResult Result)>();
        if (options.RulePaths.Count > 0)
        {
            results.Add((string.Join(", ", options.RulePaths), loader.Load(options.RulePaths)));
        }

        foreach (var embedded in options.Embedded)
        {
            foreach (var name in ResourceNames(embedded))
            {
                using var stream = embedded.Assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                results.Add(($"resource {name}", loader.LoadFromText(name, reader.ReadToEnd())));
            }
        }

        foreach (var text in options.Texts)
        {
            results.Add((text.Name, loader.LoadFromText(text.Name, text.Text)));
        }

        var errors = new List<RuleDiagnostic>();
        var warnings = new List<RuleDiagnostic>();
        foreach (var (_, result) in results)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                (diagnostic.Severity == DiagnosticSeverity.Error ? errors : warnings).Add(diagnostic);
            }
        }

        // The loader checks rule ids within one load; sources loaded separately are checked here.
        var rules = new List<RuleDefinition>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, result) in results)
        {
            foreach (var rule in result.Rules)
            {
                var location = RuleSetCompiler.LocationOf(rule, source);
                if (owners.TryGetValue(rule.Id, out var first))
                {
                    errors.Add(new RuleDiagnostic(EngagementRulesDiagnosticCodes.DuplicateRuleId, DiagnosticSeverity.Error, location, $"The rule id '{rule.Id}' is already defined at {first}; rule ids are unique across all rule sources.", rule.Id));
                    continue;
                }

                owners.Add(rule.Id, location.ToString());
                rules.Add(rule);
            }
        }

        if (errors.Count > 0)
        {
            return new RuleSetLoad(null, errors, warnings);
        }

        // One identity for the sources together, in the order their rules are compiled.
        return Compile(rules, RuleLoadResult.FingerprintOf(results.Select(r => r.Result)), results.Count > 0 ? results[0].Source : "rules", warnings);
    }

    /// <summary>
    /// Compiles the rules of every source together; an engine rejection is reported as the YAML package reports it
    /// everywhere (ER0050 per engine error, at the rejected rule's own location), never thrown.
    /// </summary>
    internal static RuleSetLoad Compile(IReadOnlyList<RuleDefinition> rules, string? fingerprint, string fallbackSource, IReadOnlyList<RuleDiagnostic> warnings) =>
        RuleSetCompiler.TryCompile(rules, fingerprint, fallbackSource, out var ruleSet, out var errors)
            ? new RuleSetLoad(ruleSet, [], warnings)
            : new RuleSetLoad(null, errors, warnings);
}
