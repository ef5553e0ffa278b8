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

    // The thread inside an operation (0 when none) and how deep it is (a RuleFired handler may call in again).
    private int _thread;
    private int _entries;

    public SessionHandle(Session state, SessionPool pool)
    {
        _state = state;
        _pool = pool;
    }

    /// <summary>The state behind the handle; null once disposed (for tests: whether a state was pooled).</summary>
    public Session? PeekState => _state;

    private Session State => _state ?? throw new ObjectDisposedException(nameof(ISession), "The session was disposed.");

    public ISessionEvents Events => State.Events;

    public void Insert(object fact) => Guarded(static (s, f) => s.Insert(f), fact);

    public void InsertAll(IEnumerable<object> facts) => Guarded(static (s, f) => s.InsertAll(f), facts);

    public bool TryInsert(object fact) => Guarded(static (s, f) => s.TryInsert(f), fact);

    public void Update(object fact) => Guarded(static (s, f) => s.Update(f), fact);

    public bool TryUpdate(object fact) => Guarded(static (s, f) => s.TryUpdate(f), fact);

    public void Retract(object fact) => Guarded(static (s, f) => s.Retract(f), fact);

    public bool TryRetract(object fact) => Guarded(static (s, f) => s.TryRetract(f), fact);

    public int Fire() => Fire(int.MaxValue, CancellationToken.None);

    public int Fire(int maxFirings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFirings);
        return Fire(maxFirings, CancellationToken.None);
    }

    public int Fire(CancellationToken cancellationToken) => Fire(int.MaxValue, cancellationToken);

    // Settles pending aggregates first, so a condition can fail here too.
    public IReadOnlyList<IMatch> GetAgenda() => Guarded(static (s, _) => s.GetAgenda(), 0);

    // A read: allowed from an event handler mid-propagation, not from a second thread meanwhile.
    public IEnumerable<T> Query<T>()
    {
        var state = Enter(reading: true);
        try
        {
            return state.Query<T>();
        }
        finally
        {
            Exit();
        }
    }

    public void Dispose()
    {
        var state = _state;
        if (state is null)
        {
            return;
        }

        if (Volatile.Read(ref _thread) is var thread and not 0 && thread != Environment.CurrentManagedThreadId)
        {
            throw UsedConcurrently();
        }

        if (state.IsFiring)
        {
            throw new InvalidOperationException("A session cannot be disposed from a rule action.");
        }

        EnsureNotPropagating(state);

        _state = null;

        // A state an exception went through may be half-updated: it is left to the garbage collector.
        if (!state.Broken)
        {
            state.Release();
            _pool.Return(state);
        }
    }

    /// <summary>
    /// Refuses an operation while the state is propagating a change. Events are raised in the middle of a
    /// propagation, and an operation started from a handler would work on half-updated memories (and share the
    /// propagation's buffers): a fact inserted from an ActivationCreated handler was matched twice.
    /// </summary>
    private static Session EnsureNotPropagating(Session state)
    {
        if (state.IsPropagating)
        {
            throw new InvalidOperationException(
                "The session cannot be changed, fired, read for its agenda or disposed from an event handler while it propagates a change; " +
                "do it once the operation (Insert, InsertAll, Update, Retract, or a rule action's change) has returned.");
        }

        return state;
    }

    /// <summary>
    /// Starts an operation: refused (unless <paramref name="reading"/>) from an event handler mid-propagation, and from
    /// a second thread while one is inside (a session is single-threaded; two threads at once would corrupt its memories without a word). The
    /// check costs one interlocked exchange per call, not per fact.
    /// </summary>
    private Session Enter(bool reading = false)
    {
        var state = reading ? State : EnsureNotPropagating(State);
        if (state.Fault is { } fault)
        {
            throw Session.Faulted(fault);
        }

        var me = Environment.CurrentManagedThreadId;
        var owner = Interlocked.CompareExchange(ref _thread, me, 0);
        if (owner != 0 && owner != me)
        {
            throw UsedConcurrently();
        }

        _entries++;
        return state;
    }

    private void Exit()
    {
        if (--_entries == 0)
        {
            Volatile.Write(ref _thread, 0);
        }
    }

    private static InvalidOperationException UsedConcurrently() => new(
        "The session is in use by another thread. A session is single-threaded: use one session per unit of work " +
        "(the compiled rule set is shared safely by any number of threads).");

    private int Fire(int maxFirings, CancellationToken cancellationToken) =>
        Guarded(static (s, a) => s.Fire(a.MaxFirings, a.CancellationToken), (MaxFirings: maxFirings, CancellationToken: cancellationToken));

    // Every operation marks the state when an exception goes through it, so that Dispose does not pool it (the
    // lambdas are static: no allocation per call); except a rejected input, which changed nothing (see IsRejection).
    private TResult Guarded<TArgument, TResult>(Func<Session, TArgument, TResult> operation, TArgument argument)
    {
        var state = Enter();
        try
        {
            return operation(state, argument);
        }
        catch (Exception ex) when (state.NoteFault(ex))
        {
            state.Broken |= !state.IsRejection(ex);
            throw;
        }
        finally
        {
            Exit();
        }
    }

    private void Guarded<TArgument>(Action<Session, TArgument> operation, TArgument argument)
    {
        var state = Enter();
        try
        {
            operation(state, argument);
        }
        catch (Exception ex) when (state.NoteFault(ex))
        {
            state.Broken |= !state.IsRejection(ex);
            throw;
        }
        finally
        {
            Exit();
        }
    }
}
