using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Engagement.Rules.Engine;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml;
using NodaTime;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// What <see cref="EngagementRulesServiceCollectionExtensions.AddEngagementRules"/> sets up: where the rules come
/// from (folders, embedded resources, texts; all loaded together), the clock, the policy settings, hot reload and
/// the host's own fact types. Validated once, with every problem reported at once.
/// </summary>
/// <remarks>
/// Read once, inside <see cref="EngagementRulesServiceCollectionExtensions.AddEngagementRules"/>, which keeps a copy
/// (rule paths made absolute against the current directory then): changing these options afterwards has no effect.
/// </remarks>
public sealed class EngagementRulesOptions
{
    private readonly List<EmbeddedRules> _embedded = [];
    private readonly List<RuleText> _texts = [];
    private readonly List<(Type Type, string Name)> _factTypes = [];

    /// <summary>Rule folders and files, read as the YAML loader reads them (sub-folders included, <c>*.tests.yaml</c>/<c>*.tests.yml</c> skipped). Relative paths are relative to the current directory.</summary>
    public IList<string> RulePaths { get; } = new List<string>();

    /// <summary>
    /// The clock that gives "now". When null, an <see cref="IClock"/> registered in the container is used, and
    /// failing that the system clock.
    /// </summary>
    public IClock? Clock { get; set; }

    /// <summary>The policy settings (consent, quiet hours, caps, suppression, arbitration, holdouts).</summary>
    public PolicyOptions Policy { get; set; } = PolicyOptions.Default;

    /// <summary>
    /// The settings of the rule session each evaluation runs: the loop guard (<see cref="SessionOptions.MaxFiringsPerFire"/>),
    /// the match guard (<see cref="SessionOptions.MaxPartialMatches"/>) and what a disposed session keeps for the next one
    /// (<see cref="SessionOptions.MaxRetainedPerKind"/>). Default <see cref="EngagementEvaluator.DefaultSessionOptions"/>.
    /// </summary>
    public SessionOptions Session { get; set; } = EngagementEvaluator.DefaultSessionOptions;

    /// <summary>
    /// The limits the YAML loader holds rule files to (file size, nesting depth, rules and files per load, expression
    /// length; docs/threat-model.md). Default <see cref="RuleLoaderOptions.Default"/>; lower them with
    /// <c>RuleLoaderOptions.Default with { MaxRules = 500 }</c>. Its <see cref="RuleLoaderOptions.Catalog"/> is left as it
    /// is: the fact types rule files may name are the built-in ones and those added with <see cref="AddFactType{T}"/>.
    /// </summary>
    public RuleLoaderOptions Loader { get; set; } = RuleLoaderOptions.Default;

    /// <summary>
    /// Watches <see cref="RulePaths"/> and reloads the rules when a rule file (<c>.yaml</c>/<c>.yml</c>, not
    /// <c>*.tests.yaml</c>/<c>*.tests.yml</c>, not hidden) changes, or when the watcher may have lost changes. A change
    /// that loads cleanly, has rules and fits the policy options (every <c>Holdouts.RulePercents</c> id is a rule of the
    /// new set) replaces the rule set atomically; otherwise it is logged (ER0051 for no rules, ER0052 for options that no
    /// longer fit) and the current set is kept.
    /// </summary>
    public bool HotReload { get; set; }

    /// <summary>How long hot reload waits after the last file change before reloading (editors write in bursts).</summary>
    public Duration ReloadDelay { get; set; } = Duration.FromMilliseconds(500);

    internal IReadOnlyList<EmbeddedRules> Embedded => _embedded;

    internal IReadOnlyList<RuleText> Texts => _texts;

    internal IReadOnlyList<(Type Type, string Name)> FactTypes => _factTypes;

    /// <summary>Adds the rule files embedded in an assembly whose resource names start with a prefix and end in <c>.yaml</c> or <c>.yml</c>.</summary>
    /// <param name="assembly">The assembly holding the resources.</param>
    /// <param name="prefix">The resource name prefix, e.g. <c>"MyApp.Rules."</c>.</param>
    /// <returns>These options.</returns>
    public EngagementRulesOptions AddEmbeddedRules(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(prefix);
        _embedded.Add(new EmbeddedRules(assembly, prefix));
        return this;
    }

    /// <summary>Adds one rule file held in memory.</summary>
    /// <param name="name">The name diagnostics cite.</param>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>These options.</returns>
    public EngagementRulesOptions AddRuleText(string name, string yaml)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(yaml);
        _texts.Add(new RuleText(name, yaml));
        return this;
    }

    /// <summary>Registers a host fact type that rule files may name, next to the built-in ones.</summary>
    /// <param name="name">The name rule files use.</param>
    /// <typeparam name="T">The fact type (a class; records work well).</typeparam>
    /// <returns>These options.</returns>
    public EngagementRulesOptions AddFactType<T>(string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(name);
        _factTypes.Add((typeof(T), name));
        return this;
    }

    /// <summary>
    /// Every problem with these options, as <see cref="EngagementRulesServiceCollectionExtensions.AddEngagementRules"/>
    /// checks them: no rule source, a rule path that is neither a folder nor a file, an embedded prefix that matches
    /// nothing, two rule texts with one name, a fact type name taken twice, hot reload without rule paths, a reload
    /// delay out of range, and every error of <see cref="Policy"/>, <see cref="Session"/> and <see cref="Loader"/>
    /// (prefixed <c>Policy: </c>, <c>Session: </c>, <c>Loader: </c>). It reads the file system (rule paths) and
    /// embedded resources; the rules themselves are loaded later, at the first resolution.
    /// </summary>
    /// <returns>The problems, one sentence each, naming the option; empty when the options are valid.</returns>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>();
        if (RulePaths.Count == 0 && _embedded.Count == 0 && _texts.Count == 0)
        {
            errors.Add("No rules: add rule files or folders (RulePaths), embedded rules (AddEmbeddedRules) or a rule text (AddRuleText).");
        }

        for (var i = 0; i < RulePaths.Count; i++)
        {
            var path = RulePaths[i];
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"RulePaths[{i}] is empty.");
            }
            else if (path.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                // Path.GetFullPath would throw here: every problem is listed, none thrown.
                errors.Add($"RulePaths[{i}] contains a character not allowed in a path.");
            }
            else if (!Directory.Exists(path) && !File.Exists(path))
            {
                errors.Add($"RulePaths[{i}]: '{path}' (full path '{Path.GetFullPath(path)}') is neither a folder nor a file.");
            }
        }

        foreach (var embedded in _embedded)
        {
            if (RuleSources.ResourceNames(embedded).Count == 0)
            {
                errors.Add($"AddEmbeddedRules: assembly {embedded.Assembly.GetName().Name} has no .yaml or .yml resource starting with '{embedded.Prefix}'.");
            }
        }

        foreach (var group in _texts.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"AddRuleText: the name '{group.Key}' is used {group.Count()} times; diagnostics could not tell the texts apart.");
        }

        foreach (var text in _texts.Where(t => string.IsNullOrWhiteSpace(t.Name)))
        {
            errors.Add("AddRuleText: a rule text has an empty name.");
        }

        var catalog = BuiltInFactTypes.CreateCatalog();
        foreach (var (type, name) in _factTypes)
        {
            try
            {
                catalog.Register(type, name);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"AddFactType<{type.Name}>(\"{name}\"): {ex.Message}");
            }
        }

        if (Loader is null)
        {
            errors.Add("Loader is null; leave it at RuleLoaderOptions.Default or set it.");
        }
        else
        {
            errors.AddRange(Loader.GetErrors().Select(e => "Loader: " + e));
            if (Loader.Catalog is not null && !ReferenceEquals(Loader.Catalog, RuleLoaderOptions.Default.Catalog))
            {
                errors.Add("Loader: leave its Catalog as RuleLoaderOptions.Default's; add host fact types with AddFactType.");
            }
        }

        if (HotReload && RulePaths.Count == 0)
        {
            errors.Add("HotReload watches RulePaths, and there are none: embedded and in-memory rules cannot change.");
        }

        if (ReloadDelay < Duration.Zero || ReloadDelay > Duration.FromMinutes(1))
        {
            errors.Add($"ReloadDelay is {ReloadDelay}; it must be between 0 and 1 minute.");
        }

        if (Policy is null)
        {
            errors.Add("Policy is null; leave it at PolicyOptions.Default or set it.");
        }
        else
        {
            errors.AddRange(Policy.GetErrors().Select(e => "Policy: " + e));
        }

        if (Session is null)
        {
            errors.Add("Session is null; leave it at EngagementEvaluator.DefaultSessionOptions or set it.");
        }
        else
        {
            errors.AddRange(Session.GetErrors().Select(e => "Session: " + e));
        }

        return errors;
    }

    /// <summary>Checks every option at once, as <see cref="EngagementRulesServiceCollectionExtensions.AddEngagementRules"/> does.</summary>
    /// <exception cref="EngagementRulesConfigurationException">
    /// An option is invalid; <see cref="EngagementRulesConfigurationException.Errors"/> lists every problem of
    /// <see cref="GetErrors"/>, and so does the message (the type <c>AddEngagementRules</c> throws, which hosts catch).
    /// </exception>
    public void Validate()
    {
        if (GetErrors() is { Count: > 0 } errors)
        {
            throw EngagementRulesConfigurationException.ForOptions(errors);
        }
    }

    /// <summary>A copy, so that changes made to these options after registration have no effect.</summary>
    internal EngagementRulesOptions Snapshot()
    {
        var copy = new EngagementRulesOptions { Clock = Clock, Policy = Policy, Session = Session, HotReload = HotReload, ReloadDelay = ReloadDelay, Loader = Loader };
        foreach (var path in RulePaths)
        {
            copy.RulePaths.Add(Path.GetFullPath(path));
        }

        copy._embedded.AddRange(_embedded);
        copy._texts.AddRange(_texts);
        copy._factTypes.AddRange(_factTypes);
        return copy;
    }
}
