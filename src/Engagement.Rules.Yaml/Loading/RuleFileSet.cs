using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>
/// Finds, reads and parses the files of a load and the files they include: each file once, in a fixed
/// order; includes stay inside their root folder; cycles and missing files are reported at the include.
/// </summary>
internal sealed class RuleFileSet
{
    /// <summary>Links resolved in a row before giving up (the operating systems' own limits are similar).</summary>
    private const int MaxLinkDepth = 40;

    private readonly LoadContext _context;
    private readonly NodeReader _reader;

    /// <summary>The units by resolved path (<see cref="Canonical"/>), so that a file is read once.</summary>
    private readonly Dictionary<string, RuleFileUnit> _byPath = new(StringComparer.Ordinal);
    private bool _tooMany;

    public RuleFileSet(LoadContext context)
    {
        _context = context;
        _reader = new NodeReader(context);
    }

    public List<RuleFileUnit> Units { get; } = new();

    /// <summary>The sources read, in the order of <see cref="Units"/>: what the rule set's fingerprint is made of.</summary>
    public RuleSourceManifest Manifest { get; } = new();

    public void AddPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            _context.Error(DiagnosticCodes.FileNotFound, new SourceLocation("(no path)", 1, 1), "An empty path was given; pass a rule file or a folder.");
            return;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            _context.Error(DiagnosticCodes.FileNotFound, new SourceLocation(path, 1, 1), $"'{path}' is not a valid path: {e.Message}");
            return;
        }

        if (Directory.Exists(full))
        {
            foreach (var file in EnumerateRuleFiles(full))
            {
                var name = Path.Join(path, Path.GetRelativePath(full, file));

                // The folder is the root, as for includes: a linked file leading out of it is refused like such an include.
                if (LeavesRoot(file, full))
                {
                    _context.Error(
                        DiagnosticCodes.IncludeOutsideRoot,
                        new SourceLocation(name, 1, 1),
                        $"'{name}' is a symbolic link that leads out of the rule folder '{full}'; a folder load reads only files inside it. Copy the file into the folder, or load its folder too.");
                    continue;
                }

                AddFile(name, file, full, Path.GetRelativePath(full, file));
            }
        }
        else if (File.Exists(full))
        {
            // A file named by the host is read wherever a link leads, and its includes are those of the file it
            // really is: relative to, and inside, the target's folder.
            AddFile(path, full, Path.GetDirectoryName(FinalTarget(full))!, Path.GetFileName(full));
        }
        else
        {
            _context.Error(DiagnosticCodes.FileNotFound, new SourceLocation(path, 1, 1), $"No file or folder '{path}' exists.");
        }
    }

    public void AddText(string name, string text)
    {
        var unit = new RuleFileUnit(name, null, null, Units.Count);
        Units.Add(unit);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Manifest.Add(name, bytes);
        Parse(unit, bytes);
    }

    /// <summary>Reports every include cycle once, at the include that closes it.</summary>
    public void CheckCycles()
    {
        var state = new Dictionary<RuleFileUnit, int>();
        var path = new List<RuleFileUnit>();
        foreach (var unit in Units)
        {
            Visit(unit, state, path);
        }
    }

    /// <summary>Every unit after the files it includes (cycles broken), so that included definitions come first.</summary>
    public IReadOnlyList<RuleFileUnit> IncludedFirst()
    {
        var ordered = new List<RuleFileUnit>();
        var seen = new HashSet<RuleFileUnit>();
        foreach (var unit in Units)
        {
            PostOrder(unit, seen, ordered);
        }

        return ordered;
    }

    private static void PostOrder(RuleFileUnit unit, HashSet<RuleFileUnit> seen, List<RuleFileUnit> ordered)
    {
        if (!seen.Add(unit))
        {
            return;
        }

        foreach (var include in unit.Includes)
        {
            PostOrder(include.Target, seen, ordered);
        }

        ordered.Add(unit);
    }

    /// <summary>The rule files of a folder and its sub-folders: *.yaml and *.yml, not *.tests.yaml/*.tests.yml, no hidden folders.</summary>
    public static IReadOnlyList<string> EnumerateRuleFiles(string folder)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(current).ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    // Linked folders are not followed: they could leave the rule folder or loop.
                    if (new DirectoryInfo(entry).LinkTarget is null)
                    {
                        pending.Push(entry);
                    }
                }
                else if (IsRuleFile(name))
                {
                    files.Add(entry);
                }
            }
        }

        // Ordinal over the paths with '/' between folders: the same order (so the same rule order and fingerprint)
        // on every operating system. The files share the folder's prefix, so this orders their relative paths.
        files.Sort((a, b) => ComparePortably(a, b, Path.DirectorySeparatorChar));
        return files;
    }

    /// <summary>
    /// Compares two paths ordinally as if <paramref name="separator"/> were '/': by the raw strings, Windows' '\'
    /// (U+005C) sorts after digits and capitals where Unix's '/' (U+002F) sorts before them, so <c>core/x.yaml</c> and
    /// <c>core2.yaml</c> loaded in another order there.
    /// </summary>
    internal static int ComparePortably(string a, string b, char separator)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i] == separator ? '/' : a[i];
            var y = b[i] == separator ? '/' : b[i];
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    public static bool IsRuleFile(string name) => RuleFileFilter.IsRuleFile(name);

    /// <summary>
    /// Whether a file name is a rule test file (<c>*.tests.yaml</c> or <c>*.tests.yml</c>, any case): the loader skips
    /// exactly the files the test runner finds, so none is neither loaded nor tested.
    /// </summary>
    public static bool IsTestFile(string name) =>
        name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Adds a file once: a file reached through a symbolic link, or by two paths, is identified by its resolved
    /// path. The unit's path is the link's final target, so that its includes are resolved beside the real file.
    /// <paramref name="relativePath"/> (to its root, as found: a link by its own name) is what the fingerprint records.
    /// </summary>
    private RuleFileUnit? AddFile(string name, string path, string root, string relativePath)
    {
        var fullPath = FinalTarget(path);
        var identity = Canonical(fullPath);
        if (_byPath.TryGetValue(identity, out var known))
        {
            return known;
        }

        if (Units.Count >= _context.Options.MaxFiles)
        {
            if (!_tooMany)
            {
                _tooMany = true;
                _context.Error(DiagnosticCodes.TooManyFiles, new SourceLocation(name, 1, 1), $"More than {_context.Options.MaxFiles} rule files in one load; this file and later ones are not read.");
            }

            return null;
        }

        // The includes of a link to another folder are named from the target's folder, where they are.
        var includeFolder = string.Equals(Path.GetDirectoryName(fullPath), Path.GetDirectoryName(path), StringComparison.Ordinal)
            ? Path.GetDirectoryName(name)
            : Path.GetDirectoryName(fullPath);
        var unit = new RuleFileUnit(name, fullPath, root, Units.Count) { IncludeFolder = includeFolder };
        _byPath.Add(identity, unit);
        Units.Add(unit);
        if (!BoundedFile.IsRegularFile(fullPath))
        {
            _context.Error(
                DiagnosticCodes.FileUnreadable,
                new SourceLocation(name, 1, 1),
                $"'{name}' is not a regular file (a named pipe, device or socket): reading it could block or never end, so it is not read. Rule files are regular files, or links to them.");
            unit.LoadFailed = true;
            return unit;
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > _context.Options.MaxFileBytes)
            {
                _context.Error(
                    DiagnosticCodes.FileTooLarge,
                    new SourceLocation(name, 1, 1),
                    $"The file is {length} bytes; a rule file may have at most {_context.Options.MaxFileBytes}. Split it into several files.");
                unit.LoadFailed = true;
                return unit;
            }

            if (BoundedFile.Read(fullPath, _context.Options.MaxFileBytes) is not { } read)
            {
                _context.Error(
                    DiagnosticCodes.FileTooLarge,
                    new SourceLocation(name, 1, 1),
                    $"The file holds more than {_context.Options.MaxFileBytes} bytes (its reported length was {length}: a device, or a file that grew); a rule file may have at most {_context.Options.MaxFileBytes}.");
                unit.LoadFailed = true;
                return unit;
            }

            bytes = read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _context.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(name, 1, 1), $"The file cannot be read: {e.Message}");
            unit.LoadFailed = true;
            return unit;
        }

        // Before parsing: the files it includes are read while it is parsed, and come after it.
        Manifest.Add(relativePath, bytes);
        Parse(unit, bytes);
        return unit;
    }

    private void Parse(RuleFileUnit unit, byte[] bytes)
    {
        var root = YamlSyntaxReader.Read(unit.Name, bytes, _context, out _);
        if (root is null)
        {
            unit.LoadFailed = true;
            return;
        }

        if (root is ScalarSyntax { IsNull: true })
        {
            _context.Warning(DiagnosticCodes.EmptyFile, root.Location, "The file is empty; it defines no rule.");
            return;
        }

        if (_reader.Mapping(root, "A rule file") is not { } document)
        {
            unit.LoadFailed = true;
            return;
        }

        unit.Document = document;
        if (document.Get("include") is { } includes)
        {
            foreach (var item in _reader.ScalarList(includes, "include"))
            {
                Include(unit, item);
            }
        }
    }

    private void Include(RuleFileUnit unit, ScalarSyntax item)
    {
        if (Resolve(unit, item) is { } target)
        {
            unit.Includes.Add((item, target));
        }
        else
        {
            // Reported here; kept so that names it would have defined are not reported as plain unknowns.
            unit.UnloadedIncludes.Add(item.Value);
        }
    }

    /// <summary>The included file, or null (with the reason reported at the include) when it cannot be loaded.</summary>
    private RuleFileUnit? Resolve(RuleFileUnit unit, ScalarSyntax item)
    {
        var relative = item.Value;
        if (unit.FullPath is null || unit.Root is null)
        {
            _reader.Error(DiagnosticCodes.IncludeWithoutFile, item, "Text loaded from memory cannot include files; load it from a folder instead.");
            return null;
        }

        if (Path.IsPathRooted(relative) || relative.Contains(':', StringComparison.Ordinal) || relative.StartsWith('~'))
        {
            _reader.Error(DiagnosticCodes.IncludeOutsideRoot, item, $"Include '{relative}' is an absolute path; write it relative to this file.");
            return null;
        }

        if (!IsRuleFile(Path.GetFileName(relative)))
        {
            _reader.Error(DiagnosticCodes.IncludeNotYaml, item, $"Include '{relative}' is not a rule file; include .yaml or .yml files (not .tests.yaml or .tests.yml).");
            return null;
        }

        var directory = Path.GetDirectoryName(unit.FullPath)!;
        var full = Path.GetFullPath(Path.Combine(directory, relative));
        if (LeavesRoot(full, unit.Root))
        {
            _reader.Error(DiagnosticCodes.IncludeOutsideRoot, item, $"Include '{relative}' leaves the rule folder '{unit.Root}'; rule files may only include files inside it.");
            return null;
        }

        if (!File.Exists(full))
        {
            _reader.Error(DiagnosticCodes.IncludeNotFound, item, $"The included file '{relative}' does not exist (looked for {full}).");
            return null;
        }

        var name = Path.Join(unit.IncludeFolder, relative);
        return AddFile(name, full, unit.Root, Path.GetRelativePath(unit.Root, full));
    }

    /// <summary>
    /// Whether a path is outside the root, or leads out of it: through a linked folder on the way, or as a linked file
    /// whose final target is outside (or reached through a linked folder).
    /// </summary>
    internal static bool LeavesRoot(string path, string root)
    {
        if (!IsInside(path, root) || ThroughLink(path, root))
        {
            return true;
        }

        var target = FinalTarget(path);
        return !string.Equals(target, path, StringComparison.Ordinal) && (!IsInside(target, root) || ThroughLink(target, root));
    }

    private static string FinalTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    /// <summary>
    /// The path with every symbolic link resolved, in its folders too: two paths to one file give one result.
    /// Used to identify files only; which folder a file's includes must stay in is decided on the paths as found.
    /// </summary>
    private static string Canonical(string path)
    {
        try
        {
            var folder = Path.GetDirectoryName(path);
            return folder is null ? path : FinalTarget(Path.Join(RealFolder(folder, 0), Path.GetFileName(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    private static string RealFolder(string folder, int depth)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || depth > MaxLinkDepth)
        {
            return folder;
        }

        var joined = Path.Join(RealFolder(parent, depth + 1), Path.GetFileName(folder));
        var target = Directory.Exists(joined) ? Directory.ResolveLinkTarget(joined, returnFinalTarget: true)?.FullName : null;
        return target is null ? joined : RealFolder(target, depth + 1);
    }

    /// <summary>Whether a folder between the root and the file is a symbolic link (which could lead anywhere).</summary>
    private static bool ThroughLink(string path, string root)
    {
        for (var folder = Path.GetDirectoryName(path); folder is not null && IsInside(folder, root); folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder) && new DirectoryInfo(folder).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsInside(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private void Visit(RuleFileUnit unit, Dictionary<RuleFileUnit, int> state, List<RuleFileUnit> path)
    {
        // 0/absent: not seen, 1: on the current path, 2: done.
        if (state.GetValueOrDefault(unit) != 0)
        {
            return;
        }

        state[unit] = 1;
        path.Add(unit);
        foreach (var (item, target) in unit.Includes)
        {
            var targetState = state.GetValueOrDefault(target);
            if (targetState == 1)
            {
                var cycle = path.Skip(path.IndexOf(target)).Select(u => u.Name).Append(target.Name);
                _reader.Error(DiagnosticCodes.IncludeCycle, item, $"Includes form a cycle: {string.Join(" -> ", cycle)}. Remove one of these includes.");
            }
            else if (targetState == 0)
            {
                Visit(target, state, path);
            }
        }

        path.RemoveAt(path.Count - 1);
        state[unit] = 2;
    }
}
