using System;
using System.IO;
using System.Linq;
using Engagement.Rules.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Engagement.Rules.WorkerSample;

/// <summary>Builds the worker's host: the engagement rules through dependency injection, the fact store and the worker.</summary>
public static class WorkerHost
{
    /// <summary>The sample data set's reference instant, the clock of a <c>--once</c> run (the data is placed around it).</summary>
    public static Instant ReferenceInstant { get; } = Instant.FromUtc(2026, 11, 24, 15, 0);

    /// <summary>Builds the host.</summary>
    /// <param name="args">The command line: <c>[--once] [--data &lt;folder&gt;] [--rules &lt;folder&gt;]</c>.</param>
    /// <param name="output">Where run summaries go.</param>
    /// <returns>The host and the settings it runs with.</returns>
    public static (IHost Host, WorkerSettings Settings) Build(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        var once = args.Contains("--once");
        var root = FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        var data = Option(args, "--data") ?? Path.Combine(root ?? ".", "samples", "data");
        var rules = Option(args, "--rules") ?? Path.Combine(root ?? ".", "rules");
        var settings = new WorkerSettings(once, Path.GetFullPath(data), output);

        var builder = Host.CreateApplicationBuilder(args);
        if (once)
        {
            // A one-off run is deterministic: the clock is fixed at the data set's reference instant.
            builder.Services.AddSingleton<IClock>(new FixedClock(ReferenceInstant));
        }

        builder.Services.AddEngagementRules(options =>
        {
            if (Directory.Exists(rules))
            {
                options.RulePaths.Add(rules);
            }

            // The worker's own rule, which uses the host fact type registered below.
            options.RulePaths.Add(Path.Combine(AppContext.BaseDirectory, "rules"));
            options.AddFactType<TradeInAppraisal>("TradeInAppraisal");
            options.HotReload = !once;
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new FactStore(settings.DataFolder));
        builder.Services.AddSingleton<FactChanges>();
        builder.Services.AddHostedService<EngagementWorker>();
        return (builder.Build(), settings);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Engagement.Rules.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
