using System;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// Joins the tokens of its parent with the facts of an alpha memory. When the pattern has an equality join
/// (<c>fact.X == earlier.Y</c>) both sides are hash-indexed by that key, so an activation only visits the
/// candidates with the same key; the remaining join tests run on those candidates.
/// </summary>
internal sealed class JoinNode : BetaNode
{
    /// <summary>
    /// Up to this many entries a memory is scanned (evaluating the equality) instead of indexed: below it a scan
    /// costs less than hashing, and a one-customer session computes no keys at all.
    /// </summary>
    public const int DefaultIndexThreshold = 32;

    /// <summary>
    /// A memory of more than this many entries is also indexed once scans of it have visited
    /// <see cref="ScanBudget"/> entries in a session: a small memory that is read often (the owners of an aggregate
    /// that every new fact looks for) gets its index without waiting for <see cref="IndexThreshold"/>.
    /// </summary>
    public const int AdaptiveMinimum = 8;

    public const int ScanBudget = 256;

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

    /// <summary>
    /// The terminal that is this join's only successor (and no sub-network result feeds on): each match of the join
    /// completes a rule, and is made as an activation carrying the fact instead of a token and an activation below it.
    /// </summary>
    public TerminalNode? Terminal { get; private set; }

    /// <summary>The memory size past which this join indexes it (set once, by the compiler).</summary>
    public int IndexThreshold { get; set; } = DefaultIndexThreshold;

    /// <summary>Position in <see cref="ReteNetwork.JoinsDownstreamFirst"/> (set once, by the network).</summary>
    public int BatchOrder { get; set; }

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

    public override void Freeze()
    {
        base.Freeze();
        Terminal = Children is [TerminalNode terminal] && Partner is null ? terminal : null;
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
                    Emit(session, parent, item.Entry);
                    if (parent.Removed)
                    {
                        return;
                    }
                }
            }

            return;
        }

        var index = IndexedRight(session, alpha);
        if (index is not null)
        {
            var bucket = index.FactsMatching(session, parent);
            if (bucket is not null)
            {
                // Copy-free iteration is safe: emitting never changes this alpha memory.
                for (var i = 0; i < bucket.Count; i++)
                {
                    var entry = bucket[i].Entry;
                    if (Matches(session, parent, entry))
                    {
                        Emit(session, parent, entry);
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
                Emit(session, parent, item.Entry);
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
                    Emit(session, token, entry);
                }

                if (entry.Removed)
                {
                    return;
                }

                token = next;
            }

            return;
        }

        var index = IndexedLeft(session, memory);
        if (index is not null)
        {
            var bucket = index.TokensMatching(session, entry.Object);
            if (bucket is not null)
            {
                // Emitting below may not add to this memory, but removals (not/exists) may: iterate a copy when large.
                if (bucket.Count == 1)
                {
                    var token = bucket[0];
                    if (!token.Removed && Matches(session, token, entry))
                    {
                        Emit(session, token, entry);
                    }

                    return;
                }

                foreach (var token in bucket.ToArray())
                {
                    if (!token.Removed && Matches(session, token, entry))
                    {
                        Emit(session, token, entry);
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
                Emit(session, token, entry);
            }

            if (entry.Removed)
            {
                return;
            }

            token = next;
        }
    }

    /// <summary>Adds the match of <paramref name="parent"/> with <paramref name="fact"/>: an activation below a <see cref="Terminal"/>, else a token.</summary>
    private void Emit(Session session, Token parent, FactEntry fact)
    {
        if (Terminal is { } terminal)
        {
            session.CreateActivation(terminal, parent, fact, Id);
        }
        else
        {
            EmitFact(session, parent, fact);
        }
    }

    /// <summary>The join's index when its alpha memory is (or, scanned often enough, now becomes) indexed.</summary>
    private JoinIndex? IndexedRight(Session session, AlphaList alpha)
    {
        var index = session.PeekJoin(IndexSlot);
        if (index is { RightIndexed: true })
        {
            return index;
        }

        if (alpha.Count <= AdaptiveMinimum)
        {
            return null;
        }

        index ??= session.Join(this);
        index.RightScanned += alpha.Count;
        if (index.RightScanned <= ScanBudget)
        {
            return null;
        }

        index.BuildRight(session, alpha);
        return index;
    }

    /// <summary>The join's index when its left memory is (or, scanned often enough, now becomes) indexed.</summary>
    private JoinIndex? IndexedLeft(Session session, TokenList memory)
    {
        var index = session.PeekJoin(IndexSlot);
        if (index is { LeftIndexed: true })
        {
            return index;
        }

        if (memory.Count <= AdaptiveMinimum)
        {
            return null;
        }

        index ??= session.Join(this);
        index.LeftScanned += memory.Count;
        if (index.LeftScanned <= ScanBudget)
        {
            return null;
        }

        index.BuildLeft(session, memory);
        return index;
    }

    /// <summary>Adds a new left token to the left index (building the index once the memory grows).</summary>
    public void IndexLeft(Session session, Token token, TokenList memory)
    {
        var index = session.PeekJoin(IndexSlot);
        if ((index is null || !index.LeftIndexed) && memory.Count <= IndexThreshold)
        {
            return;
        }

        (index ?? session.Join(this)).AddLeft(session, token, memory);
    }

    public void UnindexLeft(Session session, Token token)
    {
        if (session.PeekJoin(IndexSlot) is { LeftIndexed: true } index)
        {
            index.RemoveLeft(session, token);
        }
    }

    public void IndexRight(Session session, AlphaItem item, AlphaList alpha)
    {
        var index = session.PeekJoin(IndexSlot);
        if ((index is null || !index.RightIndexed) && alpha.Count <= IndexThreshold)
        {
            return;
        }

        (index ?? session.Join(this)).AddRight(session, item, alpha);
    }

    public void UnindexRight(Session session, AlphaItem item)
    {
        if (session.PeekJoin(IndexSlot) is { RightIndexed: true } index)
        {
            index.RemoveRight(session, item);
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
            throw session.ConditionFailed(RuleId, parent, entry.Object, ex, Key!.Condition);
        }
    }

    // Most joins test nothing beyond their key (or, below the root, nothing at all): no call for them.
    private bool Matches(Session session, Token parent, FactEntry entry) =>
        Tests.Length == 0 || CompiledTest.AllHold(Tests, session, parent, entry.Object, entry.Object);
}
