using System;
using System.IO;

namespace Engagement.Rules.Pack.Tests;

/// <summary>Finds the repository's rules/ folder from the test assembly's location (the tests read the pack in place).</summary>
internal static class PackFiles
{
    public static string RulesFolder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engagement.Rules.sln")))
            {
                return Path.Combine(dir.FullName, "rules");
            }
        }

        throw new InvalidOperationException($"No Engagement.Rules.sln above {AppContext.BaseDirectory}; the pack tests run from the repository.");
    }
}
