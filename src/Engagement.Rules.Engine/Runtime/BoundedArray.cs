using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The bounded storage behind <see cref="Arena{T}"/> and <see cref="FreeList{T}"/>: an array that doubles (from 16)
/// up to a limit and is cut back to a limit, so what a pooled state keeps follows
/// <see cref="SessionOptions.MaxRetainedPerKind"/>.
/// </summary>
internal static class BoundedArray
{
    /// <summary>Appends <paramref name="item"/> unless the array is full at <paramref name="limit"/>; false when it was not kept.</summary>
    public static bool TryAppend<T>(ref T[] items, ref int count, T item, int limit)
    {
        if (count == items.Length)
        {
            if (count >= limit)
            {
                return false;
            }

            Array.Resize(ref items, Math.Min(limit, Math.Max(16, count * 2)));
        }

        items[count++] = item;
        return true;
    }

    /// <summary>Keeps at most <paramref name="limit"/> entries (and an array no larger).</summary>
    public static void Truncate<T>(ref T[] items, ref int count, int limit)
    {
        if (count > limit)
        {
            Array.Resize(ref items, limit);
            count = limit;
        }
    }
}
