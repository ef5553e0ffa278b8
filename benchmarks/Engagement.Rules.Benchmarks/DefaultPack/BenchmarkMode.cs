namespace Engagement.Rules.Benchmarks.DefaultPack;

/// <summary>
/// Whether the program runs as the CI smoke check (<c>--ci</c>: every benchmark once, in process). Set by
/// Program.cs before any benchmark runs; the large benchmarks then take small parameters (a 1,000-customer batch
/// instead of 100,000, a 50-rule generated pack instead of 1,000) so that the check stays quick. It is a static
/// flag, not an environment variable, so it cannot leak into a measured (out-of-process) run.
/// </summary>
internal static class BenchmarkMode
{
    public static bool Smoke { get; set; }
}
