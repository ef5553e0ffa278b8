using System;
using System.Threading;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The session states of one compiled rule set, kept between sessions: a disposed session's memories, indexes and
/// tokens serve the next session instead of being allocated again. Thread-safe and lock-free; holds at most a
/// few states per core, so a burst of concurrent sessions leaves little behind.
/// </summary>
internal sealed class SessionPool
{
    private readonly Session?[] _items = new Session?[Math.Max(2, Environment.ProcessorCount * 2)];
    private Session? _first;

    public Session? Rent()
    {
        var state = _first;
        if (state is not null && Interlocked.CompareExchange(ref _first, null, state) == state)
        {
            return state;
        }

        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            state = items[i];
            if (state is not null && Interlocked.CompareExchange(ref items[i], null, state) == state)
            {
                return state;
            }
        }

        return null;
    }

    public void Return(Session state)
    {
        if (_first is null && Interlocked.CompareExchange(ref _first, state, null) is null)
        {
            return;
        }

        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            if (Interlocked.CompareExchange(ref items[i], state, null) is null)
            {
                return;
            }
        }
    }
}
