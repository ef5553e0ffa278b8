namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Objects of one kind left by a disposed session, for the next session on the same state to reuse instead of
/// allocating. Bounded like <see cref="Arena{T}"/>, so one huge session does not pin its memory for ever.
/// </summary>
internal sealed class FreeList<T>
    where T : class
{
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

    /// <summary>Keeps an object for later (up to <paramref name="limit"/> objects).</summary>
    public void Give(T item, int limit) => _ = BoundedArray.TryAppend(ref _items, ref _count, item, limit);

    /// <summary>Drops all but <paramref name="limit"/> objects (a large session's leftovers, once the limit is back to normal).</summary>
    public void Trim(int limit) => BoundedArray.Truncate(ref _items, ref _count, limit);
}
