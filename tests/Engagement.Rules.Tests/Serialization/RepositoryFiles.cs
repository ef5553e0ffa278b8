using System;
using System.IO;

namespace Engagement.Rules.Tests.Serialization;

/// <summary>Files of the repository the tests compare against (schemas, sample data).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Set UPDATE_SCHEMAS=1 to rewrite the committed schemas from the code.</summary>
    public static bool Update => Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1";

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
