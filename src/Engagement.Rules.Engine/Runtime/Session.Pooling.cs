using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>Pooling: the arenas a state reuses across sessions and what Dispose does to the state.</summary>
internal sealed partial class Session
{
    public Token NewToken(Token? parent, object? value, int nodeId)
    {
        CountPartialMatch(nodeId);
        if (_tokens.TryTake(out var token))
        {
            token.Reset(parent, value, nodeId);
            return token;
        }

        return _tokens.Track(new Token(parent, value, nodeId), _options.MaxRetainedPerKind);
    }

    public Token NewFactToken(Token parent, FactEntry entry, int nodeId)
    {
        CountPartialMatch(nodeId);
        if (_factTokens.TryTake(out var token))
        {
            token.ResetFact(parent, entry, nodeId);
            return token;
        }

        return _factTokens.Track(new Token(parent, entry.Object, entry, nodeId), _options.MaxRetainedPerKind);
    }

    public OwnerToken NewOwnerToken(Token parent, int nodeId)
    {
        CountPartialMatch(nodeId);
        if (_owners.TryTake(out var token))
        {
            token.Reset(parent, nodeId);
            return token;
        }

        return _owners.Track(new OwnerToken(parent, nodeId), _options.MaxRetainedPerKind);
    }

    public AggregateOwnerToken NewAggregateOwnerToken(Token parent, int nodeId)
    {
        CountPartialMatch(nodeId);
        if (_aggregateOwners.TryTake(out var token))
        {
            token.Reset(parent, nodeId);
            return token;
        }

        return _aggregateOwners.Track(new AggregateOwnerToken(parent, nodeId), _options.MaxRetainedPerKind);
    }

    /// <summary>The match guard (<see cref="SessionOptions.MaxPartialMatches"/>): counts a token about to be made.</summary>
    private void CountPartialMatch(int nodeId)
    {
        if (++_partialMatches > _options.MaxPartialMatches)
        {
            _partialMatches--;
            throw new RuleMatchLimitException(_options.MaxPartialMatches, Network.Nodes[nodeId].RuleIds.ToArray());
        }
    }

    public List<Token> NewTokenBucket() => _freeTokenBuckets.TryTake(out var bucket) ? bucket : new List<Token>(2);

    public List<AlphaItem> NewItemBucket() => _freeItemBuckets.TryTake(out var bucket) ? bucket : new List<AlphaItem>(2);

    public void FreeBucket(List<Token> bucket) => _freeTokenBuckets.Give(bucket, _options.MaxRetainedPerKind);

    public void FreeBucket(List<AlphaItem> bucket) => _freeItemBuckets.Give(bucket, _options.MaxRetainedPerKind);

    private FactEntry NewFactEntry(object fact, FactType type) => NewFactEntry(fact, type, type.IdentityOf(fact));

    private FactEntry NewFactEntry(object fact, FactType type, object? identity)
    {
        if (_entries.TryTake(out var entry))
        {
            entry.Reset(fact, type, identity);
            return entry;
        }

        return _entries.Track(new FactEntry(fact, type, identity), _options.MaxRetainedPerKind);
    }

    private Activation NewActivation(Token parent, FactEntry? fact, int nodeId, TerminalNode terminal)
    {
        var sequence = ++_activationSequence;
        if (_activations.TryTake(out var activation))
        {
            if (!activation.Exposed)
            {
                activation.Reset(parent, fact, nodeId, terminal, sequence);
                return activation;
            }

            // A host may still hold it: it keeps pointing at its own (disposed) session.
            return _activations.ReplaceTaken(new Activation(parent, fact, nodeId, terminal, sequence, this));
        }

        return _activations.Track(new Activation(parent, fact, nodeId, terminal, sequence, this), _options.MaxRetainedPerKind);
    }

    private AlphaItem NewAlphaItem(FactEntry entry, int memoryId)
    {
        if (_alphaItems.TryTake(out var item))
        {
            item.Reset(entry, memoryId);
            return item;
        }

        return _alphaItems.Track(new AlphaItem(entry, memoryId), _options.MaxRetainedPerKind);
    }

    /// <summary>
    /// Ends the session on this state: the arenas of tokens, fact entries, alpha and aggregate items are rewound
    /// (the next session re-initialises and reuses them in order), memories, agenda and indexes are emptied
    /// (keeping their capacity, index buckets going to free lists). Activations are reused too, except those
    /// handed out as an <see cref="IMatch"/> (events, the agenda, <see cref="IActionContext.Match"/>): a host may
    /// still hold one, which then reports the session as disposed instead of showing another session's facts.
    /// </summary>
    public void Release()
    {
        var retain = _options.MaxRetainedPerKind;

        // A session with a smaller limit than an earlier one on this state: keep only the objects it re-initialised,
        // which link only to each other (an older one may link to objects that are not kept), and of those no more
        // than its own limit (0 keeps nothing, even of objects it took from an earlier session).
        var shrinks = _tokens.Kept > retain || _factTokens.Kept > retain || _owners.Kept > retain || _aggregateOwners.Kept > retain
            || _entries.Kept > retain || _alphaItems.Kept > retain || _activations.Kept > retain;
        Rewind(_tokens, shrinks, retain);
        Rewind(_factTokens, shrinks, retain);
        Rewind(_owners, shrinks, retain);
        Rewind(_aggregateOwners, shrinks, retain);
        Rewind(_entries, shrinks, retain);
        Rewind(_alphaItems, shrinks, retain);
        Rewind(_activations, shrinks, retain);
        foreach (var memory in _memories)
        {
            memory?.Clear();
        }

        foreach (var alpha in _alphas)
        {
            alpha?.Clear();
        }

        foreach (var join in _joins)
        {
            join?.Release(this);
        }

        _freeTokenBuckets.Trim(retain);
        _freeItemBuckets.Trim(retain);
        _agenda.Clear(retain);
        _root = null;
        _firstFact = null;
        _lastFact = null;
        _lookup.Clear(retain);
        _factSequence = 0;
        _partialMatches = 0;
        _activationSequence = 0;
        _stash?.Clear();
        _rejection = null;
        _updating = null;
        _pendingRetracts?.Clear();
        _depth = 0;
        Fault = null;
        _firing = false;
        _halted = false;
        _events = null;
        _reachedCount = 0;
        _dirty?.Clear();
        _options = SessionOptions.Default;
        Handle = null!;
    }

    private static void Rewind<T>(Arena<T> arena, bool shrinks, int retain)
        where T : class =>
        arena.Rewind(shrinks ? Math.Min(arena.Taken, retain) : arena.Kept);
}
