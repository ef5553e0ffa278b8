namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The objects of one kind a pooled session state has created, reused by the next session on that state: a
/// session takes them in order and never reuses one itself (a removed token may still be looked at while the
/// propagation that removed it unwinds), so ending a session is just rewinding (<see cref="Rewind"/>), with no
/// walk over what it built. Bounded by the session's <see cref="SessionOptions.MaxRetainedPerKind"/>: past it new
/// objects are not tracked and are left to the garbage collector. The limit bounds the objects kept, not what they
/// reach: a kept token still links to the rest of its session (its children, the next token of its memory) until
/// the next session on the state re-initialises it (see <see cref="SessionOptions.MaxRetainedPerKind"/>).
/// </summary>
internal sealed class Arena<T>
    where T : class
{
    private T[] _items = [];
    private int _count;
    private int _used;

    /// <summary>Takes the next object left by an earlier session; the caller re-initialises it.</summary>
    public bool TryTake(out T item)
    {
        if (_used < _count)
        {
            item = _items[_used++];
            return true;
        }

        item = null!;
        return false;
    }

    /// <summary>Records an object this session had to create, for the sessions after it (up to <paramref name="limit"/>); returns it.</summary>
    public T Track(T item, int limit)
    {
        if (BoundedArray.TryAppend(ref _items, ref _count, item, limit))
        {
            _used = _count;
        }

        return item;
    }

    /// <summary>How many objects this session has taken or tracked (those past the limit are not counted).</summary>
    public int Taken => _used;

    /// <summary>
    /// Gives back <paramref name="item"/> when it is the object taken or tracked last and was never published (a
    /// fact entry whose fact turned out to be there already): the next take hands it out again. Does nothing for
    /// any other object (one past the limit, which was never tracked).
    /// </summary>
    public void ReturnLastTaken(T item)
    {
        if (_used > 0 && ReferenceEquals(_items[_used - 1], item))
        {
            _used--;
        }
    }

    /// <summary>
    /// Gives back every object taken or tracked since <see cref="Taken"/> was <paramref name="mark"/>, none of which
    /// was published (the fact entries of a batch that failed its checks): the next takes hand them out again.
    /// </summary>
    public void ReturnTakenSince(int mark)
    {
        if (mark >= 0 && mark < _used)
        {
            _used = mark;
        }
    }

    /// <summary>Puts a new object in the place of the one just taken (which must not be reused); returns it.</summary>
    public T ReplaceTaken(T item)
    {
        _items[_used - 1] = item;
        return item;
    }

    /// <summary>How many objects the state keeps (those of this session and of earlier ones).</summary>
    public int Kept => _count;

    /// <summary>
    /// Makes the kept objects available again (the session that used them is over), keeping at most
    /// <paramref name="keep"/> of them (see <see cref="Session.Release"/>).
    /// </summary>
    public void Rewind(int keep)
    {
        BoundedArray.Truncate(ref _items, ref _count, keep);
        _used = 0;
    }
}
