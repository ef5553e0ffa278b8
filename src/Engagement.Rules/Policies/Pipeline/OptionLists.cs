using System;
using System.Collections.Generic;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Searches in the options' short lists of enum values (exempt classes, suppression conditions): one loop for every
/// policy step, without LINQ or boxing on the per-candidate path.
/// </summary>
internal static class OptionLists
{
    public static int IndexOf<T>(IReadOnlyList<T> values, T value)
        where T : struct, Enum
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(values[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool Contains<T>(IReadOnlyList<T> values, T value)
        where T : struct, Enum => IndexOf(values, value) >= 0;
}
