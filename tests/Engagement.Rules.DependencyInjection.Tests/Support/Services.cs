using System;
using Engagement.Rules.Facts;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace Engagement.Rules.DependencyInjection.Tests.Support;

/// <summary>Containers set up the way a host would, with a fixed clock.</summary>
internal static class Services
{
    public static ServiceProvider Build(Action<EngagementRulesOptions> configure, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        more?.Invoke(services);
        services.AddEngagementRules(options =>
        {
            options.Clock = new FakeClock(Given.Now);
            options.AddFactType<Customer>("Customer");
            options.AddFactType<TradeInAppraisal>("TradeInAppraisal");
            configure(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
