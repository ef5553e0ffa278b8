using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Objects of one kind left by a disposed session, for the next session on the same state to reuse instead of
/// allocating. Bounded, so one huge session does not pin its memory for ever.
/// </summary>
internal sealed class FreeList<T>
    where T : class
{
    private const int MaxKept = 4096;

    private T[] _items = [];
    private int _count;

    public bool TryTake(out T item)
    {
        if (_count == 0)
        {
            item = null!;
            return false;
        }

        item = _items[--_count];
        _items[_count] = null!;
        return true;
    }

    public void Give(T item)
    {
        if (_count == _items.Length)
        {
            if (_count == MaxKept)
            {
                return;
            }

            Array.Resize(ref _items, Math.Min(MaxKept, Math.Max(16, _count * 2)));
        }

        _items[_count++] = item;
    }
}
