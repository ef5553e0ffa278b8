using System;
using System.IO;
using Engagement.Rules.SampleData;

// Regenerates samples/data (or the directory given as the first argument) from the fixed seed.
var directory = args.Length > 0 ? args[0] : Path.Combine(FindRepositoryRoot(), "samples", "data");
SampleDataGenerator.WriteTo(directory);
Console.WriteLine($"Wrote {SampleDataGenerator.CustomerCount} customers as of {SampleDataGenerator.ReferenceDate:yyyy-MM-dd} to {directory}");

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Engagement.Rules.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository, or give the output directory as the first argument.");
}
