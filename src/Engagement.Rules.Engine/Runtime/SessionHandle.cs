using System;
using System.Collections.Generic;
using System.Threading;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The <see cref="ISession"/> a host holds: a thin handle on a pooled <see cref="Session"/> state. Disposing it
/// returns the state to the rule set's pool; the handle then refuses every call, so a stale reference can never
/// reach a state that now serves another session.
/// </summary>
internal sealed class SessionHandle : ISession
{
    private readonly SessionPool _pool;
    private Session? _state;

    public SessionHandle(Session state, SessionPool pool)
    {
        _state = state;
        _pool = pool;
    }

    private Session State => _state ?? throw new ObjectDisposedException(nameof(ISession), "The session was disposed.");

    public ISessionEvents Events => State.Events;

    // Every operation marks the state when an exception goes through it, so that Dispose does not pool it.

    public void Insert(object fact)
    {
        var state = State;
        try
        {
            state.Insert(fact);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        var state = State;
        try
        {
            state.InsertAll(facts);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }

    public bool TryInsert(object fact)
    {
        var state = State;
        try
        {
            return state.TryInsert(fact);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }

    public void Update(object fact)
    {
        var state = State;
        try
        {
            state.Update(fact);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }

    public bool TryUpdate(object fact)
    {
        var state = State;
        try
        {
            return state.TryUpdate(fact);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }

    public void Retract(object fact)
    {
        var state = State;
        try
        {
            state.Retract(fact);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }

    public bool TryRetract(object fact)
    {
        var state = State;
        try
        {
            return state.TryRetract(fact);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }

    public int Fire() => Fire(int.MaxValue, CancellationToken.None);

    public int Fire(int maxFirings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFirings);
        return Fire(maxFirings, CancellationToken.None);
    }

    public int Fire(CancellationToken cancellationToken) => Fire(int.MaxValue, cancellationToken);

    public IReadOnlyList<IMatch> GetAgenda() => State.GetAgenda();

    public IEnumerable<T> Query<T>() => State.Query<T>();

    public void Dispose()
    {
        var state = _state;
        if (state is null)
        {
            return;
        }

        if (state.IsFiring)
        {
            throw new InvalidOperationException("A session cannot be disposed from a rule action.");
        }

        _state = null;

        // A state an exception went through may be half-updated: it is left to the garbage collector.
        if (!state.Broken)
        {
            state.Release();
            _pool.Return(state);
        }
    }

    private int Fire(int maxFirings, CancellationToken cancellationToken)
    {
        var state = State;
        try
        {
            return state.Fire(maxFirings, cancellationToken);
        }
        catch
        {
            state.Broken = true;
            throw;
        }
    }
}
