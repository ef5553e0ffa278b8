using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Engagement.Rules.Benchmarks.Compare;
using Engagement.Rules.Benchmarks.DefaultPack;

// Usage (see docs/performance.md):
//   dotnet run -c Release --project benchmarks/Engagement.Rules.Benchmarks -- --filter '*Dealership*' --job short
//   dotnet run -c Release --project benchmarks/Engagement.Rules.Benchmarks -- --ci
//       every benchmark once, in process (Job.Dry): proves they all still run, measures nothing
//   dotnet run -c Release --project benchmarks/Engagement.Rules.Benchmarks -- --compare old.json new.json [--threshold 10]
if (args.Length > 0 && args[0] == "--compare")
{
    return ResultComparer.Run(args[1..], Console.Out);
}

IConfig? config = null;
if (args.Contains("--ci"))
{
    args = args.Where(a => a != "--ci").ToArray();
    BenchmarkMode.Smoke = true; // small batch and generated pack: see BenchmarkMode
    if (!args.Contains("--filter"))
    {
        args = [.. args, "--filter", "*"];
    }

    // In process: no project generated and built per benchmark, so the check is quick and needs nothing else.
    config = DefaultConfig.Instance
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.StopOnFirstError);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

// A benchmark that throws yields a report without results; make that a failure so CI notices.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
