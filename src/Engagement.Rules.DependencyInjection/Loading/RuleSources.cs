using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Loading;

namespace Engagement.Rules.DependencyInjection;

/// <summary>Loads and compiles every configured rule source together: all problems of all sources, or one rule set.</summary>
internal static class RuleSources
{
    /// <summary>The same rule id in two separately loaded sources (folders, resources, texts).</summary>
    public const string DuplicateRuleIdCode = "DI0001";

    /// <summary>A reload whose rules the policy options do not fit (e.g. Holdouts.RulePercents names a rule no longer there).</summary>
    public const string PolicyMismatchCode = "DI0002";

    /// <summary>A reload that found no rules at all while rules are in service (a folder emptied, e.g. mid-deploy).</summary>
    public const string EmptyReloadCode = "DI0003";

    public static IReadOnlyList<string> ResourceNames(EmbeddedRules embedded) => embedded.Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(embedded.Prefix, StringComparison.Ordinal) && RuleFileSet.IsRuleFile(n))
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
        if (options.RuleFolders.Count > 0)
        {
            results.Add((string.Join(", ", options.RuleFolders), loader.Load(options.RuleFolders)));
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
                    errors.Add(new RuleDiagnostic(DuplicateRuleIdCode, DiagnosticSeverity.Error, location, $"The rule id '{rule.Id}' is already defined at {first}; rule ids are unique across all rule sources.", rule.Id));
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

        return Compile(rules, results.Count > 0 ? results[0].Source : "rules", warnings);
    }

    /// <summary>
    /// Compiles the rules of every source together; an engine rejection is reported as the YAML package reports it
    /// everywhere (ER0050 per engine error, at the rejected rule's own location), never thrown.
    /// </summary>
    internal static RuleSetLoad Compile(IReadOnlyList<RuleDefinition> rules, string fallbackSource, IReadOnlyList<RuleDiagnostic> warnings) =>
        RuleSetCompiler.TryCompile(rules, fallbackSource, out var ruleSet, out var errors)
            ? new RuleSetLoad(ruleSet, [], warnings)
            : new RuleSetLoad(null, errors, warnings);
}
