using System;
using System.Diagnostics.Metrics;
using System.Linq;
using Engagement.Rules.Telemetry;
using Engagement.Rules.Yaml.Explaining;
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
    /// <see cref="IEngagementRuleSetProvider"/> and as the YAML package's <see cref="IRuleSetProvider"/>), a singleton <see cref="EngagementTelemetry"/> (using the container's <see cref="ILoggerFactory"/>
    /// and <see cref="IMeterFactory"/> when registered) and a transient <see cref="RuleExplainer"/> of the rules in service.
    /// The options are validated here, every problem reported at
    /// once; the rules are loaded when the evaluator or provider is first resolved (resolve it at start-up), and a
    /// rule set that does not load fails that resolution with every diagnostic.
    /// </summary>
    /// <remarks>
    /// Each resolution of <see cref="RuleExplainer"/> gives the explainer of the rules the evaluator uses at that moment,
    /// with the evaluator's session settings (<see cref="EngagementRulesOptions.Session"/>) and the default
    /// <see cref="RuleExplainer.MaxListed"/>: the same instance for every resolution until the rules are swapped (so its
    /// probe compilations are shared), then a new one, created at the first resolution after the swap. It is thread-safe.
    /// Resolve it where you explain (per request): an explainer keeps its rules, so a component that lives across reloads
    /// (a singleton) must not hold one, or it goes on explaining the old rules (and refuses evaluations of the new ones).
    /// </remarks>
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
        services.AddSingleton(sp => new CurrentRuleExplainer(sp.GetRequiredService<RuleSetProvider>(), options.Session));
        services.AddTransient(sp => sp.GetRequiredService<CurrentRuleExplainer>().Get());
        return services;
    }
}
