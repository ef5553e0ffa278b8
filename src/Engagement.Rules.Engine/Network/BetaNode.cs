using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// A node of the beta network. Nodes are immutable after compilation and shared by every session; the
/// tokens they produce live in the session's memory for the node (indexed by <see cref="Id"/>).
/// A node at <see cref="Level"/> L produces tokens at level L whose parent is a token at level L-1.
/// </summary>
internal abstract class BetaNode
{
    protected BetaNode(int id, BetaNode? parent, int level)
    {
        Id = id;
        Parent = parent;
        Level = level;
    }

    public int Id { get; }

    public BetaNode? Parent { get; }

    public int Level { get; }

    /// <summary>
    /// Position in a topological order of the data flow (parents, and sub-networks into the not/exists/aggregate
    /// node they feed, come before what they feed). Used to right-activate downstream joins first and to
    /// remove a fact's tokens upstream first.
    /// </summary>
    public int Rank { get; set; }

    /// <summary>Rules using this node (for diagnostics and the ids carried by condition errors).</summary>
    public List<string> RuleIds { get; } = new();

    public string RuleId => RuleIds.Count > 0 ? RuleIds[0] : "?";

    public List<BetaNode> ChildList { get; } = new();

    public BetaNode[] Children { get; private set; } = [];

    /// <summary>Children that keep a hash index over this node's memory.</summary>
    public JoinNode[] KeyedChildren { get; private set; } = [];

    /// <summary>When this node ends the sub-network of a not/exists/aggregate, the node its results feed.</summary>
    public ConditionalNode? Partner { get; set; }

    /// <summary>When this node starts the sub-network of a pass-through not/exists, that node (for the network dump).</summary>
    public ConditionalNode? SourceOf { get; set; }

    /// <summary>
    /// The pass-through not/exists nodes below this one (<see cref="ConditionalNode.PassesThrough"/>), which keep
    /// their state for each of this node's tokens in the token (<see cref="Token.States"/>).
    /// </summary>
    public int ConditionStates { get; private set; }

    /// <summary>Whether tokens are kept in a memory: only joins below read it (as their left memory).</summary>
    public bool HasMemory { get; private set; }

    /// <summary>Index of this node's memory in a session's memory table (only nodes with a memory have one).</summary>
    public int MemorySlot { get; set; } = -1;

    public abstract string Describe();

    public virtual void Freeze()
    {
        Children = ChildList.ToArray();
        var keyed = new List<JoinNode>();
        foreach (var child in Children)
        {
            if (child is JoinNode { IsKeyed: true } join)
            {
                keyed.Add(join);
            }
        }

        KeyedChildren = keyed.ToArray();
        HasMemory = Array.Exists(Children, c => c is JoinNode);
        ConditionStates = 0;
        foreach (var child in Children)
        {
            if (child is ConditionalNode { PassesThrough: true } passing)
            {
                passing.StateSlot = ConditionStates++;
            }
        }
    }

    public abstract void LeftActivate(Session session, Token parent);

    /// <summary>Called while a token of this node is being removed (its children are already gone).</summary>
    public virtual void OnRemoving(Session session, Token token)
    {
    }

    /// <summary>
    /// Adds a new token whose level is a fact (a join's) to the network: links it below its parent and to its fact
    /// (so retracting the fact finds it), stores it and activates the successors.
    /// </summary>
    protected void EmitFact(Session session, Token parent, FactEntry fact)
    {
        var token = session.NewFactToken(parent, fact, Id);
        parent.AddChild(token);
        fact.AddToken(token);
        Propagate(session, token);
    }

    /// <summary>As <see cref="EmitFact"/> for a token whose level is not a fact (an owner, a binding, an output).</summary>
    public void EmitValue(Session session, Token token)
    {
        token.Parent!.AddChild(token);
        Propagate(session, token);
    }

    private void Propagate(Session session, Token token)
    {
        if (ConditionStates > 0)
        {
            token.ClearStates(ConditionStates);
        }

        if (HasMemory)
        {
            var memory = session.Memory(MemorySlot);
            memory.Add(token);
            foreach (var keyed in KeyedChildren)
            {
                keyed.IndexLeft(session, token, memory);
            }
        }

        foreach (var child in Children)
        {
            if (token.Removed)
            {
                return;
            }

            child.LeftActivate(session, token);
        }

        Partner?.OnSubResult(session, token, added: true);
    }
}

/// <summary>The top of the beta network: holds the single empty root token of a session.</summary>
internal sealed class RootNode : BetaNode
{
    public RootNode()
        : base(0, null, 0)
    {
    }

    public override string Describe() => "root";

    public override void LeftActivate(Session session, Token parent)
    {
    }
}
