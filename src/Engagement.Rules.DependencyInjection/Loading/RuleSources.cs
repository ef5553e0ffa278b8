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
    /// <summary>The same rule id in two separately loaded sources (folders, resources, texts).</summary>
    public const string DuplicateRuleIdCode = "DI0001";

    /// <summary>The loaded rules do not compile into a network.</summary>
    public const string CompilationFailedCode = "DI0002";

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
                var location = LocationOf(rule, source);
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

        try
        {
            return new RuleSetLoad(RuleCompiler.Compile(rules), errors, warnings);
        }
        catch (RuleCompilationException ex)
        {
            return new RuleSetLoad(null, [new RuleDiagnostic(CompilationFailedCode, DiagnosticSeverity.Error, new SourceLocation(results.Count > 0 ? results[0].Source : "rules", 1, 1), $"The rules do not compile: {ex.Message}")], warnings);
        }
    }

    // The loader records where each rule starts as "file:line:col" in its "source" property.
    private static SourceLocation LocationOf(RuleDefinition rule, string source)
    {
        if (rule.Properties.TryGetValue("source", out var value) && value is string text)
        {
            var parts = text.Split(':');
            if (parts.Length >= 3
                && int.TryParse(parts[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)
                && int.TryParse(parts[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var column))
            {
                return new SourceLocation(string.Join(':', parts[..^2]), line, column);
            }
        }

        return new SourceLocation(source, 1, 1);
    }

    private static bool IsRuleFile(string name) =>
        (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase);
}
