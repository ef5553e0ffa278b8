using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Engagement.Rules.Benchmarks.Compare;

/// <summary>
/// Compares two BenchmarkDotNet JSON exports (<c>--exporters json</c>, the <c>*-report-full.json</c> or
/// <c>*-report.json</c> files) and flags each benchmark whose mean time or allocation grew by more than a
/// threshold. Usage: <c>--compare baseline current [--threshold 10]</c>, each a JSON export or a folder of them
/// (e.g. a copy of <c>BenchmarkDotNet.Artifacts/results</c>); exit code 1 on a regression.
/// </summary>
internal static class ResultComparer
{
    public static int Run(string[] args, TextWriter output)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var threshold = 10.0;
        var thresholdAt = Array.IndexOf(args, "--threshold");
        if (thresholdAt >= 0)
        {
            files.Remove(args[thresholdAt + 1]);
            threshold = double.Parse(args[thresholdAt + 1], CultureInfo.InvariantCulture);
        }

        if (files.Count != 2)
        {
            output.WriteLine("usage: --compare baseline current [--threshold percent]   (each a JSON export or a folder of them)");
            return 2;
        }

        var baseline = Load(files[0]);
        var current = Load(files[1]);
        var regressions = 0;
        output.WriteLine($"{"benchmark",-60} {"base mean",12} {"new mean",12} {"change",8} {"base alloc",12} {"new alloc",12} {"change",8}");
        foreach (var (name, now) in current)
        {
            if (!baseline.TryGetValue(name, out var before))
            {
                output.WriteLine($"{name,-60} (new)");
                continue;
            }

            var timeChange = Change(before.MeanNs, now.MeanNs);
            var allocChange = Change(before.AllocatedBytes, now.AllocatedBytes);
            var regressed = timeChange > threshold || allocChange > threshold;
            regressions += regressed ? 1 : 0;
            output.WriteLine(
                $"{name,-60} {Time(before.MeanNs),12} {Time(now.MeanNs),12} {Percent(timeChange),8} "
                + $"{Bytes(before.AllocatedBytes),12} {Bytes(now.AllocatedBytes),12} {Percent(allocChange),8}"
                + (regressed ? "  REGRESSION" : string.Empty));
        }

        foreach (var name in baseline.Keys.Except(current.Keys))
        {
            output.WriteLine($"{name,-60} (missing from the current results)");
        }

        output.WriteLine(regressions == 0
            ? $"no regression over {threshold.ToString(CultureInfo.InvariantCulture)}%"
            : $"{regressions} regression(s) over {threshold.ToString(CultureInfo.InvariantCulture)}%");
        return regressions == 0 ? 0 : 1;
    }

    private static Dictionary<string, (double MeanNs, double AllocatedBytes)> Load(string path)
    {
        var results = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray() : [path];
        foreach (var file in files)
        {
            Load(file, results);
        }

        return results;
    }

    private static void Load(string path, Dictionary<string, (double MeanNs, double AllocatedBytes)> results)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            // Shortened for the table: the namespace is the same for every benchmark.
            var name = benchmark.GetProperty("FullName").GetString()!.Replace("Engagement.Rules.Benchmarks.", string.Empty, StringComparison.Ordinal);
            if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
            {
                continue; // a benchmark that failed has no statistics
            }

            var mean = statistics.GetProperty("Mean").GetDouble();
            var allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                ? memory.GetProperty("BytesAllocatedPerOperation").GetDouble()
                : 0;
            results[name] = (mean, allocated);
        }
    }

    private static double Change(double before, double now) => before == 0 ? (now == 0 ? 0 : 100) : (now - before) / before * 100;

    private static string Percent(double change) => change.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    private static string Time(double ns) => ns switch
    {
        >= 1_000_000 => (ns / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1_000 => (ns / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " us",
        _ => ns.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Bytes(double bytes) => bytes >= 1024
        ? (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB"
        : bytes.ToString("0", CultureInfo.InvariantCulture) + " B";
}
