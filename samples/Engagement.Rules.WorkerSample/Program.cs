using System;
using Engagement.Rules;
using Engagement.Rules.DependencyInjection;
using Engagement.Rules.WorkerSample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: dotnet run --project samples/Engagement.Rules.WorkerSample [-- --once] [--data <folder>] [--rules <folder>]
var (host, settings) = WorkerHost.Build(args, Console.Out);
using (host)
{
    try
    {
        // Resolve the evaluator at start-up, so rules that do not load stop the worker before it starts, with
        // every diagnostic, rather than at 02:00.
        host.Services.GetRequiredService<IEngagementEvaluator>();
    }
    catch (EngagementRulesConfigurationException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }

    await host.RunAsync();
}

return settings.ExitCode;
