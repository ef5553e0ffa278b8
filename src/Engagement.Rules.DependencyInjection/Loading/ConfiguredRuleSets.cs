using System;
using System.Threading;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Providers;
using Microsoft.Extensions.Logging;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The rule sets of every configured source (paths, embedded resources, texts) loaded together: the provider that the
/// registered <see cref="ReloadingEngagementEvaluator"/> follows. It swaps to any set that loads and compiles; whether
/// the evaluator takes it (rules in it, a policy that fits) is the evaluator's decision, made in one place for every
/// host. Reloads are serialised by <see cref="RuleSetProvider"/>.
/// </summary>
internal sealed class ConfiguredRuleSets : IRuleSetProvider
{
    private readonly EngagementRulesOptions _options;
    private readonly ILogger _logger;
    private CompiledRuleSet _current;

    /// <exception cref="EngagementRulesConfigurationException">The rules do not load: every diagnostic.</exception>
    public ConfiguredRuleSets(EngagementRulesOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        var load = Load();
        _current = load.Rules ?? throw new EngagementRulesConfigurationException($"The engagement rules do not load: {load.Errors.Count} error(s).", load.FormattedErrors);
    }

    public event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    public CompiledRuleSet Current => Volatile.Read(ref _current);

    /// <summary>Loads every source again; raises <see cref="Reloaded"/> with the new set or <see cref="ReloadFailed"/> with the errors.</summary>
    public void Reload()
    {
        var load = Load();
        if (load.Rules is null)
        {
            ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs(load.Errors, Current));
            return;
        }

        Volatile.Write(ref _current, load.Rules);
        Reloaded?.Invoke(this, new RuleSetReloadedEventArgs(load.Rules, load.Warnings));
    }

    private RuleSetLoad Load()
    {
        var load = RuleSources.Load(_options);
        foreach (var warning in load.Warnings)
        {
            HostingLog.RuleWarning(_logger, warning.Format());
        }

        return load;
    }
}
