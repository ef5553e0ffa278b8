using System;
using System.IO;
using System.Linq;
using NodaTime;

namespace Engagement.Rules.Cli.Tests;

/// <summary>
/// Runs the tool in-process through its entry point with captured stdout/stderr and a fixed clock, in a temporary
/// folder holding the rule files and facts of a test.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 15, 0);

    public CliHarness()
    {
        Folder = Directory.CreateTempSubdirectory("engagement-cli-").FullName;
    }

    public string Folder { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SampleDealerships => Path.Combine(RepositoryRoot, "samples", "data", "dealership.json");

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The first <paramref name="count"/> customers of the sample data set, as a JSON Lines file.</summary>
    public string SampleCustomers(int count)
    {
        var lines = File.ReadLines(Path.Combine(RepositoryRoot, "samples", "data", "customers.jsonl")).Take(count);
        return Write("customers.jsonl", string.Join('\n', lines) + "\n");
    }

#pragma warning disable CA1822 // An instance method on purpose: a run belongs to the harness (its folder, its clock).
    public CliOutcome Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, ErrorIsTerminal: false, new NodaTime.Testing.FakeClock(Now));
        var exitCode = CliApplication.Run(args, console);
        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }
#pragma warning restore CA1822

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engagement.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Engagement.Rules.sln) was not found above the test directory.");
    }
}

/// <summary>What a command line did.</summary>
internal sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
