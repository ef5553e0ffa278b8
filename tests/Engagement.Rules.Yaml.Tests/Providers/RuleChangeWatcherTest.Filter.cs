using System.IO;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.Yaml.Tests.Providers;

public sealed partial class RuleChangeWatcherTest
{
    [TestCase(WatcherChangeTypes.Changed, "a.yaml", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Changed, "A.YML", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Changed, "sales/a.yaml", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Changed, "notes.txt", ExpectedResult = false)]
    [TestCase(WatcherChangeTypes.Changed, "a.tests.yaml", ExpectedResult = false)]
    [TestCase(WatcherChangeTypes.Changed, ".a.yaml", ExpectedResult = false)]
    [TestCase(WatcherChangeTypes.Changed, ".git/a.yaml", ExpectedResult = false)]
    [TestCase(WatcherChangeTypes.Changed, "sales", ExpectedResult = false)]
    [TestCase(WatcherChangeTypes.Created, "sales", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Created, "a.yml", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Created, "notes.txt", ExpectedResult = false)]
    [TestCase(WatcherChangeTypes.Deleted, "a.yaml", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Deleted, "old-folder", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Deleted, "notes.txt", ExpectedResult = false)]
    public bool IsRuleChange_InAFolder(WatcherChangeTypes change, string relative)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "sales"));
        var (directory, name) = Split(folder.Path, relative);

        return RuleChangeWatcher.IsRuleChange(folder.Path, null, new FileSystemEventArgs(change, directory, name));
    }

    [TestCase("a.tmp", "a.yaml", ExpectedResult = true)]
    [TestCase("a.yaml", "a.yaml.bak", ExpectedResult = true)]
    [TestCase("old-folder", "new-folder", ExpectedResult = true)]
    [TestCase("a.tmp", "notes.txt", ExpectedResult = false)]
    public bool IsRuleChange_RenamedInAFolder(string oldName, string newName)
    {
        using var folder = new TempFolder();
        if (newName == "new-folder")
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, newName));
        }

        var renamed = new RenamedEventArgs(WatcherChangeTypes.Renamed, folder.Path, newName, oldName);
        return RuleChangeWatcher.IsRuleChange(folder.Path, null, renamed);
    }

    [TestCase(WatcherChangeTypes.Changed, "rules.yaml", null, ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Changed, "other.yaml", null, ExpectedResult = false)]
    [TestCase(WatcherChangeTypes.Renamed, "rules.yaml", "rules.yaml~", ExpectedResult = true)]
    [TestCase(WatcherChangeTypes.Renamed, "rules.old", "rules.yaml", ExpectedResult = true)]
    public bool IsRuleChange_ASingleFile(WatcherChangeTypes change, string name, string? oldName)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        var e = oldName is null
            ? new FileSystemEventArgs(change, folder.Path, name)
            : new RenamedEventArgs(change, folder.Path, name, oldName);

        return RuleChangeWatcher.IsRuleChange(folder.Path, file, e);
    }

    private static (string Directory, string Name) Split(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        return (Path.GetDirectoryName(full)!, Path.GetFileName(full));
    }
}
