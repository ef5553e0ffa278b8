using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Building;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml;

/// <summary>
/// Loads YAML rule files (docs/rule-language.md) into the engine's rule model. Reports every problem of every
/// file in one pass, with file, line, column, rule and a stable code; never throws for bad input; loads the
/// rules only when there is no error at all.
/// </summary>
/// <remarks>
/// Thread-safe: its options (and their catalogue, made read-only) never change, and each load has its own state,
/// so one loader may serve loads on several threads.
/// </remarks>
public sealed class RuleFileLoader
{
    private readonly RuleLoaderOptions _options;

    /// <summary>Creates a loader. Its options' catalogue becomes read-only (<see cref="FactTypeCatalog.IsReadOnly"/>).</summary>
    /// <param name="options">The catalogue and limits; <see cref="RuleLoaderOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid (<see cref="RuleLoaderOptions.GetErrors"/>): every problem is named.</exception>
    public RuleFileLoader(RuleLoaderOptions? options = null)
    {
        _options = options ?? RuleLoaderOptions.Default;
        _options.Validate(nameof(options));

        // Read-only from here on: a catalogue changed while loads run would race, and would change what this
        // loader accepts behind its owner's back.
        _options.Catalog.MakeReadOnly();
    }

    /// <summary>
    /// Loads rule files and folders. A folder contributes its <c>*.yaml</c> and <c>*.yml</c> files, sub-folders
    /// included, except rule tests (<c>*.tests.yaml</c>, <c>*.tests.yml</c>) and hidden entries, in ordinal path
    /// order; each folder (or a file's folder) is the root its files' includes must stay in. Linked sub-folders are
    /// not followed, and a linked file of a folder that leads out of it is reported (ER0032), not read. Only regular
    /// files (or links to them) are read: a named pipe, device or socket is reported (ER0006), not opened.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <returns>The rules and diagnostics.</returns>
    public RuleLoadResult Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var context = new LoadContext(_options);
        var files = new RuleFileSet(context);
        foreach (var path in paths)
        {
            files.AddPath(path);
        }

        return Build(context, files);
    }

    /// <summary>Loads one rule file held in memory (it cannot include files).</summary>
    /// <param name="name">The name diagnostics cite, e.g. the file name it came from.</param>
    /// <param name="text">The YAML text.</param>
    /// <returns>The rules and diagnostics.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public RuleLoadResult LoadFromText(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        var context = new LoadContext(_options);
        var files = new RuleFileSet(context);
        files.AddText(name, text);
        return Build(context, files);
    }

    private static RuleLoadResult Build(LoadContext context, RuleFileSet files)
    {
        files.CheckCycles();
        var reader = new NodeReader(context);
        var conditions = new ConditionLibrary(context);
        var rulesByFile = new List<(RuleFileUnit File, IReadOnlyList<SyntaxNode> Rules)>();
        foreach (var file in files.IncludedFirst())
        {
            if (file.Document is not { } document)
            {
                continue;
            }

            reader.Keys(document, RuleFileKeys.File, "a rule file");
            CheckApiVersion(document, reader);
            if (document.Get("conditions") is { } conditionsNode && !(conditionsNode is ScalarSyntax { IsNull: true }) && reader.Mapping(conditionsNode, "conditions") is { } definitions)
            {
                conditions.Define(file, definitions);
            }

            if (document.Get("rules") is { } rulesNode && !(rulesNode is ScalarSyntax { IsNull: true }) && reader.Sequence(rulesNode, "rules") is { } rules)
            {
                rulesByFile.Add((file, rules.Items));
            }
        }

        // Rules in load order (the order of the files given, then their includes), whatever order definitions took.
        rulesByFile.Sort((a, b) => a.File.Order.CompareTo(b.File.Order));
        var result = new List<RuleDefinition>();
        var ids = new Dictionary<string, ScalarSyntax>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (file, rules) in rulesByFile)
        {
            foreach (var node in rules)
            {
                if (++count > context.Options.MaxRules)
                {
                    context.Error(DiagnosticCodes.TooManyRules, node.Location, $"More than {context.Options.MaxRules} rules in one load; this rule and later ones are not read.");
                    return Result(context, files, result);
                }

                if (reader.Mapping(node, "A rule") is not { } mapping)
                {
                    continue;
                }

                var translator = new RuleTranslator(context, conditions, file);
                var rule = translator.Build(mapping);
                if (translator.IdNode is { } id)
                {
                    if (ids.TryGetValue(id.Value, out var first))
                    {
                        context.Error(DiagnosticCodes.DuplicateRuleId, id.Location, $"The rule id '{id.Value}' is already used at {first.Location}; rule ids are unique across all loaded files.", id.Value);
                        continue;
                    }

                    ids.Add(id.Value, id);
                }

                if (rule is not null && translator.Enabled)
                {
                    result.Add(rule);
                }
            }
        }

        conditions.ReportUnused();
        return Result(context, files, result);
    }

    private static void CheckApiVersion(MappingSyntax document, NodeReader reader)
    {
        if (document.Get("apiVersion") is not { } versionNode)
        {
            reader.Error(DiagnosticCodes.UnsupportedApiVersion, document, $"A rule file starts with 'apiVersion: {RuleFileKeys.ApiVersion}'.");
        }
        else if (reader.Scalar(versionNode, "apiVersion") is { } version && version.Value != RuleFileKeys.ApiVersion)
        {
            reader.Error(DiagnosticCodes.UnsupportedApiVersion, version, $"Unsupported apiVersion '{version.Value}'; this loader reads '{RuleFileKeys.ApiVersion}'.");
        }
    }

    private static RuleLoadResult Result(LoadContext context, RuleFileSet files, List<RuleDefinition> rules)
    {
        // Diagnostics by file (load order), then position; the same problem is reported once, and every
        // diagnostic quotes its source line, including those of the expression compiler.
        var order = files.Units.Select((u, i) => (u.Name, i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var diagnostics = context.Diagnostics.Items
            .Select(d => d.SourceLine is null && context.SourceLineOf(d.Location) is { } line
                ? new RuleDiagnostic(d.Code, d.Severity, d.Location, d.Message, d.RuleId, line)
                : d)
            .Distinct()
            .OrderBy(d => order.GetValueOrDefault(d.Location.File ?? string.Empty, -1))
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToArray();
        return new RuleLoadResult(rules, diagnostics, files.Manifest);
    }
}
