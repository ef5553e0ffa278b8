using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.DependencyInjection;

/// <summary>Loads and compiles every configured rule source together: all problems of all sources, or one rule set.</summary>
internal static class RuleSources
{
    public static IReadOnlyList<string> ResourceNames(EmbeddedRules embedded) => embedded.Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(embedded.Prefix, StringComparison.Ordinal) && IsRuleFile(n))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static RuleSetLoad Load(EngagementRulesOptions options)
    {
        var catalog = BuiltInFactTypes.CreateCatalog();
        foreach (var (type, name) in options.FactTypes)
        {
            catalog.Register(type, name);
        }

        var loader = new RuleFileLoader(new RuleLoaderOptions { Catalog = catalog });
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

        var errors = new List<string>();
        var warnings = new List<string>();
        foreach (var (_, result) in results)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                (diagnostic.Severity == DiagnosticSeverity.Error ? errors : warnings).Add(diagnostic.Format());
            }
        }

        // The loader checks rule ids within one load; sources loaded separately are checked here.
        var rules = new List<RuleDefinition>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, result) in results)
        {
            foreach (var rule in result.Rules)
            {
                if (owners.TryGetValue(rule.Id, out var first))
                {
                    errors.Add($"{source}: error: the rule id '{rule.Id}' is already defined in {first}; rule ids are unique across all rule sources.");
                    continue;
                }

                owners.Add(rule.Id, source);
                rules.Add(rule);
            }
        }

        if (errors.Count > 0)
        {
            return new RuleSetLoad(null, errors, warnings);
        }

        try
        {
            return new RuleSetLoad(RuleCompiler.Compile(rules), errors, warnings);
        }
        catch (RuleCompilationException ex)
        {
            return new RuleSetLoad(null, [$"error: the rules do not compile: {ex.Message}"], warnings);
        }
    }

    private static bool IsRuleFile(string name) =>
        (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase);
}
