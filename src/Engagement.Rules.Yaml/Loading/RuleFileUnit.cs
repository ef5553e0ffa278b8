using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>One loaded rule file: its name for diagnostics, its syntax tree and the files it includes.</summary>
internal sealed class RuleFileUnit
{
    public RuleFileUnit(string name, string? fullPath, string? root, int order)
    {
        Name = name;
        FullPath = fullPath;
        Root = root;
        Order = order;
    }

    /// <summary>The name shown in diagnostics: the path as given, or joined from the including file's.</summary>
    public string Name { get; }

    /// <summary>
    /// The absolute path, a symbolic link followed to its final target (its includes are relative to it), or null
    /// for text loaded from memory.
    /// </summary>
    public string? FullPath { get; }

    /// <summary>The folder the names of this file's includes are joined to: the folder of <see cref="Name"/>, or the target's for a link to another folder.</summary>
    public string? IncludeFolder { get; init; }

    /// <summary>The folder includes must stay inside.</summary>
    public string? Root { get; }

    public int Order { get; }

    public MappingSyntax? Document { get; set; }

    public List<(ScalarSyntax Item, RuleFileUnit Target)> Includes { get; } = new();

    /// <summary>The includes of this file that could not be loaded, as written (each already reported at the include).</summary>
    public List<string> UnloadedIncludes { get; } = new();

    /// <summary>Whether the file itself could not be read or parsed into a rule file (already reported).</summary>
    public bool LoadFailed { get; set; }

    /// <summary>
    /// The files this file includes, directly or not, that did not load: unloadable includes as written and
    /// included files that failed to read or parse, sorted. Names they would have defined are unknown here.
    /// </summary>
    public IReadOnlyList<string> FilesNotLoaded()
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var unit in Closure())
        {
            names.UnionWith(unit.UnloadedIncludes);
            if (unit.LoadFailed && unit != this)
            {
                names.Add(unit.Name);
            }
        }

        return names.ToArray();
    }

    /// <summary>This file and every file it includes, directly or not.</summary>
    public HashSet<RuleFileUnit> Closure()
    {
        var seen = new HashSet<RuleFileUnit>();
        var stack = new Stack<RuleFileUnit>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            if (seen.Add(unit))
            {
                foreach (var include in unit.Includes)
                {
                    stack.Push(include.Target);
                }
            }
        }

        return seen;
    }
}
