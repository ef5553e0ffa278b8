using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// The session state of a keyed join: hash indexes over its left memory (tokens by left key) and its alpha memory
/// (facts by right key). Each side is indexed only once its memory grows past its join's <see cref="JoinNode.IndexThreshold"/>:
/// below that a scan that evaluates the equality is cheaper, and small sessions compute no keys at all.
/// </summary>
internal abstract class JoinIndex
{
    // Fields, not virtual properties: the hot path asks them before deciding to call into the index at all.
    public bool LeftIndexed;

    public bool RightIndexed;

    /// <summary>Entries visited by scans of the left (token) memory this session, while it was not indexed.</summary>
    public int LeftScanned;

    /// <summary>Entries visited by scans of the alpha (fact) memory this session, while it was not indexed.</summary>
    public int RightScanned;

    /// <summary>The alpha items whose key equals the token's; null when there are none.</summary>
    public abstract List<AlphaItem>? FactsMatching(Session session, Token token);

    /// <summary>The left tokens whose key equals the fact's; null when there are none.</summary>
    public abstract List<Token>? TokensMatching(Session session, object fact);

    /// <summary>A token joined the left memory: index it, or build the index once the memory is large enough.</summary>
    public abstract void AddLeft(Session session, Token token, TokenList memory);

    public abstract void RemoveLeft(Session session, Token token);

    /// <summary>Indexes the left memory now (scanning it has become the more expensive choice).</summary>
    public abstract void BuildLeft(Session session, TokenList memory);

    /// <summary>Indexes the alpha memory now.</summary>
    public abstract void BuildRight(Session session, AlphaList alpha);

    /// <summary>A fact joined the alpha memory: index it, or build the index once the memory is large enough.</summary>
    public abstract void AddRight(Session session, AlphaItem item, AlphaList alpha);

    public abstract void RemoveRight(Session session, AlphaItem item);

    /// <summary>Empties the indexes for the next session on a pooled state, keeping the dictionaries as spares.</summary>
    public abstract void Release(Session session);
}

/// <summary>The indexes of a join whose keys are of type <typeparamref name="TKey"/>.</summary>
internal sealed class JoinIndex<TKey> : JoinIndex
    where TKey : notnull
{
    private readonly JoinNode _join;
    private readonly JoinKey<TKey> _key;
    private Dictionary<TKey, List<Token>>? _left;
    private Dictionary<TKey, List<AlphaItem>>? _right;
    private Dictionary<TKey, List<Token>>? _spareLeft;
    private Dictionary<TKey, List<AlphaItem>>? _spareRight;

    public JoinIndex(JoinNode join, JoinKey<TKey> key)
    {
        _join = join;
        _key = key;
    }

    public override List<AlphaItem>? FactsMatching(Session session, Token token) =>
        _right!.TryGetValue(LeftKey(session, token), out var bucket) ? bucket : null;

    public override List<Token>? TokensMatching(Session session, object fact) =>
        _left!.TryGetValue(RightKey(session, fact), out var bucket) ? bucket : null;

    public override void AddLeft(Session session, Token token, TokenList memory)
    {
        if (_left is not null)
        {
            Add(_left, LeftKey(session, token), token, session);
        }
        else if (memory.Count > _join.IndexThreshold)
        {
            BuildLeft(session, memory);
        }
    }

    public override void BuildLeft(Session session, TokenList memory)
    {
        _left = _spareLeft ?? new Dictionary<TKey, List<Token>>();
        _spareLeft = null;
        LeftIndexed = true;
        for (var t = memory.Head; t is not null; t = t.NextInMemory)
        {
            Add(_left, LeftKey(session, t), t, session);
        }
    }

    public override void RemoveLeft(Session session, Token token)
    {
        if (_left is not null && Remove(_left, TryLeftKey(token), token) is { } empty)
        {
            session.FreeBucket(empty);
        }
    }

    public override void AddRight(Session session, AlphaItem item, AlphaList alpha)
    {
        if (_right is not null)
        {
            Add(_right, RightKey(session, item.Entry.Object), item, session);
        }
        else if (alpha.Count > _join.IndexThreshold)
        {
            BuildRight(session, alpha);
        }
    }

    public override void BuildRight(Session session, AlphaList alpha)
    {
        _right = _spareRight ?? new Dictionary<TKey, List<AlphaItem>>();
        _spareRight = null;
        RightIndexed = true;
        for (var i = alpha.Head; i is not null; i = i.Next)
        {
            Add(_right, RightKey(session, i.Entry.Object), i, session);
        }
    }

    public override void RemoveRight(Session session, AlphaItem item)
    {
        if (_right is not null && Remove(_right, TryRightKey(item.Entry.Object), item) is { } empty)
        {
            session.FreeBucket(empty);
        }
    }

    public override void Release(Session session)
    {
        LeftScanned = 0;
        RightScanned = 0;
        if (_left is not null)
        {
            foreach (var bucket in _left.Values)
            {
                bucket.Clear();
                session.FreeBucket(bucket);
            }

            _left.Clear();
            _spareLeft = _left;
            _left = null;
            LeftIndexed = false;
        }

        if (_right is not null)
        {
            foreach (var bucket in _right.Values)
            {
                bucket.Clear();
                session.FreeBucket(bucket);
            }

            _right.Clear();
            _spareRight = _right;
            _right = null;
            RightIndexed = false;
        }
    }

    private static void Add(Dictionary<TKey, List<Token>> index, TKey key, Token token, Session session)
    {
        if (!index.TryGetValue(key, out var bucket))
        {
            bucket = session.NewTokenBucket();
            index.Add(key, bucket);
        }

        bucket.Add(token);
    }

    private static void Add(Dictionary<TKey, List<AlphaItem>> index, TKey key, AlphaItem item, Session session)
    {
        if (!index.TryGetValue(key, out var bucket))
        {
            bucket = session.NewItemBucket();
            index.Add(key, bucket);
        }

        bucket.Add(item);
    }

    /// <summary>Removes a value from its bucket; returns the bucket when it became empty (and left the index).</summary>
    private static List<T>? Remove<T>(Dictionary<TKey, List<T>> index, (bool Ok, TKey Key) key, T value)
        where T : class
    {
        // The key is recomputed; a fact mutated in place before Update may have moved, so fall back to a scan.
        if (key.Ok && index.TryGetValue(key.Key, out var bucket) && RemoveFrom(bucket, value))
        {
            return Emptied(index, key.Key, bucket);
        }

        foreach (var pair in index)
        {
            if (RemoveFrom(pair.Value, value))
            {
                return Emptied(index, pair.Key, pair.Value);
            }
        }

        return null;
    }

    private static List<T>? Emptied<T>(Dictionary<TKey, List<T>> index, TKey key, List<T> bucket)
    {
        if (bucket.Count > 0)
        {
            return null;
        }

        index.Remove(key);
        return bucket;
    }

    private static bool RemoveFrom<T>(List<T> bucket, T value)
        where T : class
    {
        for (var i = 0; i < bucket.Count; i++)
        {
            if (ReferenceEquals(bucket[i], value))
            {
                bucket.RemoveAt(i);
                return true;
            }
        }

        return false;
    }

    private TKey LeftKey(Session session, Token token)
    {
        try
        {
            return _key.Left(token, null);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(_join.RuleId, token, null, ex, _key.Condition);
        }
    }

    private TKey RightKey(Session session, object fact)
    {
        try
        {
            return _key.Right(fact);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(_join.RuleId, null, fact, ex, _key.Condition);
        }
    }

    // Removal never throws: a key that cannot be computed any more is looked for by scanning.
    private (bool, TKey) TryLeftKey(Token token)
    {
        try
        {
            return (true, _key.Left(token, null));
        }
        catch (Exception)
        {
            return (false, default!);
        }
    }

    private (bool, TKey) TryRightKey(object fact)
    {
        try
        {
            return (true, _key.Right(fact));
        }
        catch (Exception)
        {
            return (false, default!);
        }
    }
}
