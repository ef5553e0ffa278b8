using System.Collections.Generic;

namespace Engagement.Rules.Yaml.Building;

/// <summary>The form of names a rule file declares: declarations, lets, aggregates, conditions.</summary>
internal static class Names
{
    /// <summary>Words of the expression language that cannot name a declaration.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(System.StringComparer.Ordinal)
    {
        "and", "or", "not", "true", "false", "null", "between", "in", "is", "today", "now",
    };

    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > 64 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidDeclaration(string name) => IsValid(name) && !Reserved.Contains(name);

    /// <summary>Rule ids and signal names: lower-case letters, digits, '-', '.', '_', starting with a letter or digit.</summary>
    public static bool IsValidId(string id)
    {
        if (id.Length is 0 or > 128 || !(char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0])))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
