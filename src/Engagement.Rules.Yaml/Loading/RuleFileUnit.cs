using System.Collections.Generic;
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

    /// <summary>The absolute path, or null for text loaded from memory.</summary>
    public string? FullPath { get; }

    /// <summary>The folder includes must stay inside.</summary>
    public string? Root { get; }

    public int Order { get; }

    public MappingSyntax? Document { get; set; }

    public List<(ScalarSyntax Item, RuleFileUnit Target)> Includes { get; } = new();

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
