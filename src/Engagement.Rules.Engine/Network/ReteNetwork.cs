using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Network;

/// <summary>The compiled network shared by all sessions: node tables and the per-runtime-type fact routing.</summary>
internal sealed class ReteNetwork
{
    private readonly ConcurrentDictionary<Type, AlphaNode[]> _routes = new();

    public ReteNetwork(BetaNode[] nodes, AlphaNode[] typeRoots, AlphaMemoryNode[] alphaMemories, TerminalNode[] terminals)
    {
        Nodes = nodes;
        TypeRoots = typeRoots;
        AlphaMemories = alphaMemories;
        Terminals = terminals;
        foreach (var node in nodes)
        {
            if (node.HasMemory)
            {
                node.MemorySlot = MemoryCount++;
            }

            if (node is JoinNode { IsKeyed: true } join)
            {
                join.IndexSlot = IndexCount++;
            }
        }

        var joins = new List<JoinNode>();
        foreach (var node in nodes)
        {
            if (node is JoinNode join)
            {
                joins.Add(join);
            }
        }

        // The order in which a batch of new facts meets the joins (see Session.InsertBatch): as for one fact
        // reaching several memories, most downstream first, then the higher node id.
        joins.Sort(static (a, b) => a.Rank != b.Rank ? b.Rank.CompareTo(a.Rank) : b.Id.CompareTo(a.Id));
        for (var i = 0; i < joins.Count; i++)
        {
            joins[i].BatchOrder = i;
        }

        JoinsDownstreamFirst = joins.ToArray();
    }

    /// <summary>How many beta nodes keep a memory.</summary>
    public int MemoryCount { get; }

    /// <summary>How many joins are hash-indexed.</summary>
    public int IndexCount { get; }

    public BetaNode[] Nodes { get; }

    /// <summary>Every join, most downstream first (<see cref="JoinNode.BatchOrder"/> is the position here).</summary>
    public JoinNode[] JoinsDownstreamFirst { get; }

    public AlphaNode[] TypeRoots { get; }

    public AlphaMemoryNode[] AlphaMemories { get; }

    public TerminalNode[] Terminals { get; }

    public BetaNode Root => Nodes[0];

    /// <summary>The alpha trees a fact of this runtime type enters: every pattern type it is assignable to.</summary>
    public AlphaNode[] Route(Type runtimeType)
    {
        if (_routes.TryGetValue(runtimeType, out var route))
        {
            return route;
        }

        var list = new List<AlphaNode>();
        foreach (var root in TypeRoots)
        {
            if (root.FactType.IsAssignableFrom(runtimeType))
            {
                list.Add(root);
            }
        }

        return _routes.GetOrAdd(runtimeType, list.ToArray());
    }
}
