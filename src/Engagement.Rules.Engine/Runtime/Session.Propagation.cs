using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>Propagation: a fact through the alpha network into the memories it reaches and their joins; token removal.</summary>
internal sealed partial class Session
{
    private void AddToNetwork(FactEntry entry)
    {
        // Store the fact in every memory it reached, then right-activate all their joins most downstream first
        // (topological rank): a token created upstream by this fact then meets it in each downstream memory
        // exactly once, and a sub-network learns about the fact before the node it feeds is re-evaluated.
        StoreInAlpha(entry);
        var memories = Network.AlphaMemories;
        var reached = _reached;
        var reachedCount = _reachedCount;
        if (reachedCount == 1)
        {
            foreach (var join in memories[reached[0]].Successors)
            {
                join.RightActivate(this, entry);
            }
        }
        else if (reachedCount > 1)
        {
            // Most downstream first across all the memories reached, in the network's one order for that
            // (JoinNode.BatchOrder, as a batch uses): a small insertion sort of positions, lowest first.
            var order = _joinScratch;
            var count = 0;
            for (var m = 0; m < reachedCount; m++)
            {
                foreach (var join in memories[reached[m]].Successors)
                {
                    if (count == order.Length)
                    {
                        Array.Resize(ref _joinScratch, count * 2);
                        order = _joinScratch;
                    }

                    var position = join.BatchOrder;
                    var at = count++;
                    while (at > 0 && order[at - 1] > position)
                    {
                        order[at] = order[at - 1];
                        at--;
                    }

                    order[at] = position;
                }
            }

            var joins = Network.JoinsDownstreamFirst;
            for (var i = 0; i < count; i++)
            {
                joins[order[i]].RightActivate(this, entry);
            }
        }
    }

    /// <summary>
    /// Runs a fact through the alpha network and stores it in the memories it reached (listed in <see cref="_reached"/>),
    /// without activating any join.
    /// </summary>
    private void StoreInAlpha(FactEntry entry)
    {
        // Propagation never re-enters this (actions run only when firing), so the session's buffers serve every
        // call. They hold numbers, not node references: storing an integer costs no write barrier.
        _reachedCount = 0;
        foreach (var root in entry.Type.Route)
        {
            if (root.Route is { } route)
            {
                route(this, entry.Object);
            }
            else
            {
                Walk(root, entry.Object);
            }
        }

        var memories = Network.AlphaMemories;
        var reached = _reached;
        for (var m = 0; m < _reachedCount; m++)
        {
            var memory = memories[reached[m]];
            if (!memory.IsStored)
            {
                continue;
            }

            var alpha = Alpha(memory.Id);
            var item = NewAlphaItem(entry, memory.Id);
            item.NextOfFact = entry.FirstAlphaItem;
            entry.FirstAlphaItem = item;
            alpha.Add(item);
            foreach (var keyed in memory.KeyedSuccessors)
            {
                keyed.IndexRight(this, item, alpha);
            }
        }
    }

    /// <summary>Records that the fact being added reached an alpha memory (called by the walk and the compiled routes).</summary>
    public void Reach(int memoryId)
    {
        if (_reachedCount == _reached.Length)
        {
            Array.Resize(ref _reached, _reachedCount * 2);
        }

        _reached[_reachedCount++] = memoryId;
    }

    /// <summary>The alpha tree below a node, interpreted: a type without a compiled route, and dispatch branches.</summary>
    private void Walk(AlphaNode node, object fact)
    {
        if (node.Memory is { } memory)
        {
            Reach(memory.Id);
        }

        foreach (var child in node.Children)
        {
            bool pass;
            try
            {
                pass = child.Test!(fact);
            }
            catch (Exception ex) when (ex is not RuleConditionException)
            {
                throw ConditionFailed(child.RuleId, null, fact, ex, child.Condition);
            }

            if (pass)
            {
                Walk(child, fact);
            }
        }

        foreach (var group in node.Groups)
        {
            Dispatch(group, fact);
        }
    }

    /// <summary>One dictionary lookup on the fact's key selects the branch of a dispatch group, walked from there.</summary>
    public void Dispatch(DispatchGroup group, object fact)
    {
        object? key;
        try
        {
            key = group.Key(fact);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw ConditionFailed(group.RuleId, null, fact, ex, group.Condition);
        }

        if (group.Branches.TryGetValue(key ?? JoinKey.Null, out var branch))
        {
            Walk(branch, fact);
        }
    }

    private void RemoveFromNetwork(FactEntry entry)
    {
        entry.Removed = true;
        for (var item = entry.FirstAlphaItem; item is not null; item = item.NextOfFact)
        {
            var memory = Network.AlphaMemories[item.MemoryId];
            foreach (var keyed in memory.KeyedSuccessors)
            {
                keyed.UnindexRight(this, item);
            }

            Alpha(item.MemoryId).Remove(item);
        }

        entry.FirstAlphaItem = null;

        // Its tokens, upstream first: removing a token removes what was derived from it, so a sub-network result and
        // the match it blocks never disappear in the wrong order (which would re-create the match). A pass collects
        // the live ones (removed tokens stay linked, see FactEntry.FirstToken); another pass catches any added meanwhile.
        FactToken? seen = null;
        while (entry.FirstToken is { } head && !ReferenceEquals(head, seen))
        {
            seen = head;
            var tokens = _removalScratch ?? new List<FactToken>();
            _removalScratch = null;
            for (var t = head; t is not null; t = t.NextInFact)
            {
                if (!t.Removed)
                {
                    tokens.Add(t);
                }
            }

            if (tokens.Count > 1)
            {
                tokens.Sort(_upstreamFirst);
            }

            foreach (var token in tokens)
            {
                RemoveToken(token);
            }

            tokens.Clear();
            _removalScratch = tokens;
        }

        entry.ClearTokens();
    }

    /// <summary>Removes a token and everything below it (tree-based removal).</summary>
    public void RemoveToken(Token token)
    {
        if (token.Removed)
        {
            return;
        }

        token.Removed = true;
        _partialMatches--;

        // Most recent child first; removed children stay linked (see Token.FirstChild) and are skipped. Another
        // pass catches children added meanwhile (prepended, so the head changes).
        Token? seen = null;
        while (token.FirstChild is { } head && !ReferenceEquals(head, seen))
        {
            seen = head;
            for (var child = head; child is not null; child = child.NextSibling)
            {
                if (!child.Removed)
                {
                    RemoveToken(child);
                }
            }
        }

        token.FirstChild = null;

        var node = Network.Nodes[token.NodeId];
        node.OnRemoving(this, token);
        if (node.HasMemory)
        {
            foreach (var keyed in node.KeyedChildren)
            {
                keyed.UnindexLeft(this, token);
            }

            Memory(node.MemorySlot).Remove(token);
        }

        token.Parent?.ChildRemoved();
        if (token is FactToken factToken)
        {
            factToken.Fact.TokenRemoved();
        }

        node.Partner?.OnSubResult(this, token, added: false);
    }
}
