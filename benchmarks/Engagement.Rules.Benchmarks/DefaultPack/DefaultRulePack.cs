using System;
using System.IO;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml;
using NodaTime;

namespace Engagement.Rules.Benchmarks.DefaultPack;

/// <summary>
/// The default rule pack (the repository's <c>rules/*.yaml</c>), loaded with <see cref="RuleFileLoader"/> and
/// compiled as a host does at start-up, and the instant the generated customers are evaluated at.
/// </summary>
internal static class DefaultRulePack
{
    private static readonly Lazy<CompiledRuleSet> Compiled = new(() => RuleCompiler.Compile(Load().Rules));

    /// <summary>The sample data's reference date, 2026-11-24, mid-morning in North America (as the sample uses).</summary>
    public static Instant At { get; } = Instant.FromUtc(2026, 11, 24, 15, 0);

    /// <summary>The <c>rules</c> folder of the repository that holds this program.</summary>
    public static string Folder { get; } = FindRulesFolder();

    /// <summary>The compiled default pack, shared (compiled once per process).</summary>
    public static CompiledRuleSet Rules => Compiled.Value;

    /// <summary>Parses and binds the pack; throws with every diagnostic when it does not load.</summary>
    public static RuleLoadResult Load()
    {
        var loaded = new RuleFileLoader().Load([Folder]);
        return loaded.Success ? loaded : throw new InvalidOperationException("The default rule pack does not load:\n" + loaded.FormatDiagnostics());
    }

    /// <summary>An evaluator over the default pack with the default policies, its clock stopped at <see cref="At"/>.</summary>
    public static IEngagementEvaluator Evaluator() => EngagementEvaluator.Create(Rules, new FixedClock(At));

    // Out-of-process benchmarks run from a generated project's output folder below the benchmark project, so
    // walking up from the program (or the current folder) finds the repository.
    private static string FindRulesFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Engagement.Rules.sln")))
                {
                    return Path.Combine(folder.FullName, "rules");
                }
            }
        }

        throw new InvalidOperationException($"Engagement.Rules.sln not found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: the default rule pack cannot be found.");
    }
}
