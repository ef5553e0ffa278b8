using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// Joins the tokens of its parent with the facts of an alpha memory. When the pattern has an equality join
/// (<c>fact.X == earlier.Y</c>) both sides are hash-indexed by that key, so an activation only visits the
/// candidates with the same key; the remaining join tests run on those candidates.
/// </summary>
internal sealed class JoinNode : BetaNode
{
    /// <summary>Below this many entries a memory is scanned instead of indexed: small sessions allocate no dictionaries.</summary>
    public const int IndexThreshold = 8;

    public JoinNode(
        int id,
        BetaNode parent,
        int level,
        AlphaMemoryNode alphaMemory,
        JoinKey? key,
        CompiledTest[] tests)
        : base(id, parent, level)
    {
        AlphaMemory = alphaMemory;
        Key = key;
        Tests = tests;
    }

    public AlphaMemoryNode AlphaMemory { get; }

    public JoinKey? Key { get; }

    public CompiledTest[] Tests { get; }

    public bool IsKeyed => Key is not null;

    /// <summary>Index of this join's hash indexes in a session's index table (keyed joins only).</summary>
    public int IndexSlot { get; set; } = -1;

    public override string Describe()
    {
        var text = $"join alpha#{AlphaMemory.Id}";
        if (Key is not null)
        {
            text += $" hash[{Key.LeftDescription} == {Key.RightDescription}]";
        }

        foreach (var test in Tests)
        {
            text += $" test[{test.Description}]";
        }

        return text;
    }

    public override void LeftActivate(Session session, Token parent)
    {
        var alpha = session.PeekAlpha(AlphaMemory.Id);
        if (alpha is null || alpha.Count == 0)
        {
            return;
        }

        if (Key is null)
        {
            for (var item = alpha.Head; item is not null; item = item.Next)
            {
                if (Matches(session, parent, item.Entry))
                {
                    Emit(session, session.NewFactToken(parent, item.Entry, Id));
                    if (parent.Removed)
                    {
                        return;
                    }
                }
            }

            return;
        }

        var state = session.PeekJoin(IndexSlot);
        if (state?.Right is not null)
        {
            var key = LeftKey(session, parent);
            if (state.Right.TryGetValue(key, out var bucket))
            {
                // Copy-free iteration is safe: emitting never changes this alpha memory.
                for (var i = 0; i < bucket.Count; i++)
                {
                    var entry = bucket[i].Entry;
                    if (Matches(session, parent, entry))
                    {
                        Emit(session, session.NewFactToken(parent, entry, Id));
                        if (parent.Removed)
                        {
                            return;
                        }
                    }
                }
            }

            return;
        }

        // Small memory: evaluate the equality itself (no key boxing, no dictionary).
        for (var item = alpha.Head; item is not null; item = item.Next)
        {
            if (KeyMatches(session, parent, item.Entry) && Matches(session, parent, item.Entry))
            {
                Emit(session, session.NewFactToken(parent, item.Entry, Id));
                if (parent.Removed)
                {
                    return;
                }
            }
        }
    }

    public void RightActivate(Session session, FactEntry entry)
    {
        var memory = session.PeekMemory(Parent!.MemorySlot);
        if (memory is null || memory.Count == 0)
        {
            return;
        }

        if (Key is null)
        {
            for (var token = memory.Head; token is not null;)
            {
                var next = token.NextInMemory;
                if (!token.Removed && Matches(session, token, entry))
                {
                    Emit(session, session.NewFactToken(token, entry, Id));
                }

                if (entry.Removed)
                {
                    return;
                }

                token = next;
            }

            return;
        }

        var state = session.PeekJoin(IndexSlot);
        if (state?.Left is not null)
        {
            var key = RightKey(session, entry.Object);
            if (state.Left.TryGetValue(key, out var bucket))
            {
                // Emitting below may not add to this memory, but removals (not/exists) may: iterate a copy when large.
                var tokens = bucket.Count == 1 ? null : bucket.ToArray();
                if (tokens is null)
                {
                    var token = bucket[0];
                    if (!token.Removed && Matches(session, token, entry))
                    {
                        Emit(session, session.NewFactToken(token, entry, Id));
                    }

                    return;
                }

                foreach (var token in tokens)
                {
                    if (!token.Removed && Matches(session, token, entry))
                    {
                        Emit(session, session.NewFactToken(token, entry, Id));
                    }

                    if (entry.Removed)
                    {
                        return;
                    }
                }
            }

            return;
        }

        for (var token = memory.Head; token is not null;)
        {
            var next = token.NextInMemory;
            if (!token.Removed && KeyMatches(session, token, entry) && Matches(session, token, entry))
            {
                Emit(session, session.NewFactToken(token, entry, Id));
            }

            if (entry.Removed)
            {
                return;
            }

            token = next;
        }
    }

    /// <summary>Adds a new left token to the left index (building the index once the memory grows).</summary>
    public void IndexLeft(Session session, Token token, TokenList memory)
    {
        var state = session.PeekJoin(IndexSlot);
        if (state?.Left is not null)
        {
            AddLeft(session, state.Left, LeftKey(session, token), token);
        }
        else if (memory.Count > IndexThreshold)
        {
            state = session.Join(IndexSlot);
            state.Left = state.SpareLeft ?? new Dictionary<object, List<Token>>();
            state.SpareLeft = null;
            for (var t = memory.Head; t is not null; t = t.NextInMemory)
            {
                AddLeft(session, state.Left, LeftKey(session, t), t);
            }
        }
    }

    public void UnindexLeft(Session session, Token token)
    {
        var state = session.PeekJoin(IndexSlot);
        if (state?.Left is not null)
        {
            if (Remove(state.Left, SafeLeftKey(token), token) is { } empty)
            {
                session.FreeBucket(empty);
            }
        }
    }

    public void IndexRight(Session session, AlphaItem item, AlphaList alpha)
    {
        var state = session.PeekJoin(IndexSlot);
        if (state?.Right is not null)
        {
            AddRight(session, state.Right, RightKey(session, item.Entry.Object), item);
        }
        else if (alpha.Count > IndexThreshold)
        {
            state = session.Join(IndexSlot);
            state.Right = state.SpareRight ?? new Dictionary<object, List<AlphaItem>>();
            state.SpareRight = null;
            for (var i = alpha.Head; i is not null; i = i.Next)
            {
                AddRight(session, state.Right, RightKey(session, i.Entry.Object), i);
            }
        }
    }

    public void UnindexRight(Session session, AlphaItem item)
    {
        var state = session.PeekJoin(IndexSlot);
        if (state?.Right is not null)
        {
            if (Remove(state.Right, SafeRightKey(item.Entry.Object), item) is { } empty)
            {
                session.FreeBucket(empty);
            }
        }
    }

    private static void AddLeft(Session session, Dictionary<object, List<Token>> index, object key, Token token)
    {
        if (!index.TryGetValue(key, out var bucket))
        {
            bucket = session.NewTokenBucket();
            index.Add(key, bucket);
        }

        bucket.Add(token);
    }

    private static void AddRight(Session session, Dictionary<object, List<AlphaItem>> index, object key, AlphaItem item)
    {
        if (!index.TryGetValue(key, out var bucket))
        {
            bucket = session.NewItemBucket();
            index.Add(key, bucket);
        }

        bucket.Add(item);
    }

    /// <summary>Removes a value from its bucket; returns the bucket when it became empty (and left the index).</summary>
    private static List<T>? Remove<T>(Dictionary<object, List<T>> index, object? key, T value)
        where T : class
    {
        // The key is recomputed; a fact mutated in place before Update may have moved, so fall back to a scan.
        if (key is not null && index.TryGetValue(key, out var bucket) && RemoveFrom(bucket, value))
        {
            if (bucket.Count == 0)
            {
                index.Remove(key);
                return bucket;
            }

            return null;
        }

        foreach (var pair in index)
        {
            if (RemoveFrom(pair.Value, value))
            {
                if (pair.Value.Count == 0)
                {
                    index.Remove(pair.Key);
                    return pair.Value;
                }

                return null;
            }
        }

        return null;
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

    private object LeftKey(Session session, Token token)
    {
        try
        {
            return Key!.Left(token, null) ?? JoinKey.Null;
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(RuleId, token, null, ex);
        }
    }

    private object RightKey(Session session, object fact)
    {
        try
        {
            return Key!.Right(fact) ?? JoinKey.Null;
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(RuleId, null, fact, ex);
        }
    }

    private object? SafeLeftKey(Token token)
    {
        try
        {
            return Key!.Left(token, null) ?? JoinKey.Null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private object? SafeRightKey(object fact)
    {
        try
        {
            return Key!.Right(fact) ?? JoinKey.Null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private bool KeyMatches(Session session, Token parent, FactEntry entry)
    {
        try
        {
            return Key!.Test(parent, entry.Object);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(RuleId, parent, entry.Object, ex);
        }
    }

    private bool Matches(Session session, Token parent, FactEntry entry)
    {
        var tests = Tests;
        var i = 0;
        try
        {
            for (; i < tests.Length; i++)
            {
                if (!tests[i].Evaluate(parent, entry.Object))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(tests[i].RuleId, parent, entry.Object, ex);
        }
    }
}

/// <summary>The session state of a join node: its hash indexes, built once the memories grow.</summary>
internal sealed class JoinState
{
    public Dictionary<object, List<Token>>? Left;
    public Dictionary<object, List<AlphaItem>>? Right;

    /// <summary>
    /// Emptied indexes of an earlier session on this pooled state: reused when the memories grow again, while a
    /// small memory is scanned as in a fresh session (no keys computed).
    /// </summary>
    public Dictionary<object, List<Token>>? SpareLeft;

    public Dictionary<object, List<AlphaItem>>? SpareRight;
}

/// <summary>An equality join: the key of a left token and the key of a fact must be equal.</summary>
internal sealed class JoinKey
{
    /// <summary>Stands for a null key (dictionaries refuse null keys; C# <c>==</c> treats null == null as true).</summary>
    public static readonly object Null = new();

    public JoinKey(
        Func<Token, object?, object?> left,
        Func<object, object?> right,
        Func<Token, object?, bool> test,
        string leftDescription,
        string rightDescription)
    {
        Test = test;
        Left = left;
        Right = right;
        LeftDescription = leftDescription;
        RightDescription = rightDescription;
    }

    public Func<Token, object?, object?> Left { get; }

    public Func<object, object?> Right { get; }

    /// <summary>The equality itself, used while the memories are too small to be worth indexing.</summary>
    public Func<Token, object?, bool> Test { get; }

    public string LeftDescription { get; }

    public string RightDescription { get; }
}

/// <summary>A compiled condition over a left token and a fact (or value).</summary>
internal sealed class CompiledTest
{
    public CompiledTest(Func<Token, object?, bool> evaluate, string description, string ruleId)
    {
        Evaluate = evaluate;
        Description = description;
        RuleId = ruleId;
    }

    public Func<Token, object?, bool> Evaluate { get; }

    public string Description { get; }

    public string RuleId { get; }
}
