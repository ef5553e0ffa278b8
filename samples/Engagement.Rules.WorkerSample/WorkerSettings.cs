using System.IO;

namespace Engagement.Rules.WorkerSample;

/// <summary>The worker's command line.</summary>
/// <param name="Once">Evaluate every customer once and exit (for tests and CI).</param>
/// <param name="DataFolder">The folder with dealership.json and customers.jsonl.</param>
/// <param name="Output">Where the run summaries are written.</param>
public sealed record WorkerSettings(bool Once, string DataFolder, TextWriter Output)
{
    /// <summary>The exit code: 0, or 1 when an evaluation failed.</summary>
    public int ExitCode { get; set; }
}
