using System;
using System.IO;
using System.Threading;
using Engagement.Rules.Sample;

// Usage: dotnet run --project samples/Engagement.Rules.Sample [-- <rules folder> [<data folder>]]
// Without arguments: rules/ and samples/data/ of the repository that holds this program (found by walking up to
// Engagement.Rules.sln from the current folder, then from the program's own folder).
if (args.Length > 2 || (args.Length > 0 && args[0] is "-h" or "--help"))
{
    Console.WriteLine("Usage: Engagement.Rules.Sample [<rules folder or file> [<data folder>]]");
    return args.Length > 2 ? 2 : 0;
}

var root = SampleRun.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? SampleRun.FindRepositoryRoot(AppContext.BaseDirectory);
if (root is null && args.Length < 2)
{
    Console.Error.WriteLine("error: Engagement.Rules.sln not found above the current folder; pass the rules and data folders as arguments.");
    return 2;
}

var rules = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(root!, "rules");
var data = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(root!, "samples", "data");
var outcome = await SampleRun.RunAsync(rules, data, SampleRun.ReferenceInstant, CancellationToken.None);
if (!outcome.Success)
{
    Console.Error.WriteLine($"The sample cannot run: {outcome.Errors.Count} error(s).");
    foreach (var error in outcome.Errors)
    {
        Console.Error.WriteLine(error);
    }

    return 1;
}

SampleReport.Write(outcome, Console.Out);
return 0;
