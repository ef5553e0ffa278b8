using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The two token lists whose removed members are counted instead of unlinked (a token's children, a fact's
/// tokens): compaction, shared. It runs when the dead outnumber the living, so it is rare and its link reads
/// through delegates cost nothing that matters.
/// </summary>
internal static class LazyTokenList
{
    /// <summary>Whether a list with <paramref name="dead"/> of its <paramref name="count"/> members removed is due for compaction.</summary>
    public static bool IsDue(int dead, int count) => dead > Token.CompactionMinimum && 2 * dead > count;

    /// <summary>
    /// Unlinks the removed tokens from the list starting at <paramref name="head"/>; returns the new head and sets
    /// <paramref name="count"/> to the live tokens. A removed token keeps its own link, so a walk standing on one
    /// goes on along the old list.
    /// </summary>
    public static T? Compact<T>(T? head, Func<T, T?> next, Action<T, T?> setNext, out int count)
        where T : Token
    {
        T? first = null;
        T? last = null;
        count = 0;
        for (var token = head; token is not null; token = next(token))
        {
            if (token.Removed)
            {
                continue;
            }

            if (last is null)
            {
                first = token;
            }
            else
            {
                setNext(last, token);
            }

            last = token;
            count++;
        }

        if (last is not null)
        {
            setNext(last, null);
        }

        return first;
    }
}
