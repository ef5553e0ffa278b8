using System;
using System.Diagnostics.Metrics;
using System.Linq;
using Engagement.Rules.Telemetry;
using Engagement.Rules.Yaml.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Engagement.Rules.DependencyInjection;

/// <summary>Registers Engagement.Rules in a <see cref="IServiceCollection"/>.</summary>
public static class EngagementRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers a thread-safe singleton <see cref="IEngagementEvaluator"/>, the rule-set provider behind it (as
    /// <see cref="IEngagementRuleSetProvider"/> and as the YAML package's <see cref="IRuleSetProvider"/>) and a singleton <see cref="EngagementTelemetry"/> (using the container's <see cref="ILoggerFactory"/>
    /// and <see cref="IMeterFactory"/> when registered). The options are validated here, every problem reported at
    /// once; the rules are loaded when the evaluator or provider is first resolved (resolve it at start-up), and a
    /// rule set that does not load fails that resolution with every diagnostic.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    /// <exception cref="EngagementRulesConfigurationException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The rules are already registered.</exception>
    public static IServiceCollection AddEngagementRules(this IServiceCollection services, Action<EngagementRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(IEngagementRuleSetProvider)))
        {
            throw new InvalidOperationException("AddEngagementRules was already called on these services; configure every rule source in one call.");
        }

        var configured = new EngagementRulesOptions();
        configure(configured);
        configured.Validate();

        var options = configured.Snapshot();
        services.TryAddSingleton(sp => new EngagementTelemetry(sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => new RuleSetProvider(
            options,
            options.Clock ?? sp.GetService<IClock>() ?? SystemClockAccess.Instance,
            sp.GetRequiredService<EngagementTelemetry>(),
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IEngagementRuleSetProvider>(sp => sp.GetRequiredService<RuleSetProvider>());
        services.AddSingleton<IRuleSetProvider>(sp => sp.GetRequiredService<RuleSetProvider>());
        services.AddSingleton<IEngagementEvaluator>(sp => sp.GetRequiredService<RuleSetProvider>().Evaluator);
        return services;
    }
}
