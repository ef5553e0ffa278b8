using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>What a <see cref="ConditionalNode"/> computes over the results of its sub-network.</summary>
internal enum ConditionalKind
{
    Not,
    Exists,
    Aggregate,
}

/// <summary>
/// A not, exists or aggregate node. For every left token it creates an owner token and runs its
/// sub-network (the source patterns, joined to the left token) below it; the sub-network's results come
/// back here (this node is their partner) and decide what this node emits: one empty token while there is
/// no result (not), one empty token while there is at least one (exists), or the aggregate value(s).
/// Sub-network changes after the owner exists retract and re-emit the output incrementally. A not/exists that
/// <see cref="PassesThrough"/> makes no owner: its state lives in the left token and its output is the left token.
/// </summary>
internal sealed class ConditionalNode : BetaNode
{
    // A pass-through node's state in a token (Token.States): whether the node has seen the token, and the count of
    // its sub-network's results for it in the bits above.
    private const int Activated = 1;
    private const int OneResult = 2;

    public ConditionalNode(int id, BetaNode parent, int level, ConditionalKind kind, OwnerNode? owner, string description)
        : base(id, parent, level)
    {
        Kind = kind;
        Owner = owner;
        Description = description;
        if (owner is not null)
        {
            owner.Conditional = this;
        }
    }

    public ConditionalKind Kind { get; }

    /// <summary>The node holding the owner tokens; null when the node <see cref="PassesThrough"/>.</summary>
    public OwnerNode? Owner { get; }

    /// <summary>
    /// A not/exists that makes no token of its own (no level either): its sub-network hangs below its parent, its
    /// results are counted in the left token (<see cref="Token.States"/>) and while the condition holds the left
    /// token itself goes on to its children, which hang below it beside the sub-network's tokens. Chosen by the
    /// compiler where nothing needs a token of this node (no join below, not the end of a sub-network): it saves an
    /// owner token, its memory and its links per left token.
    /// </summary>
    public bool PassesThrough => Owner is null;

    /// <summary>This pass-through node's index in its parent's tokens' <see cref="Token.States"/> (set by the parent's Freeze).</summary>
    public int StateSlot { get; set; }

    public string Description { get; }

    public AggregateSpec? Aggregate { get; set; }

    /// <summary>An aggregate's output nodes (its only children): one per distinct set of conditions on the value.</summary>
    public AggregateOutputNode[] Outputs { get; private set; } = [];

    public override void Freeze()
    {
        base.Freeze();
        if (Kind == ConditionalKind.Aggregate)
        {
            Outputs = Array.ConvertAll(Children, static child => (AggregateOutputNode)child);
        }
    }

    /// <summary>
    /// A not/exists node without a memory emits its owner token itself instead of a separate empty token: the
    /// owner is already an empty token at this level below the same parent. Its children then hang below the
    /// owner beside the sub-network's tokens, and blocking removes only the former (see <see cref="RemoveOutput"/>).
    /// </summary>
    private bool OwnerIsOutput => Kind != ConditionalKind.Aggregate && !HasMemory;

    public override string Describe() => $"{Kind.ToString().ToLowerInvariant()} {Description}";

    public override void LeftActivate(Session session, Token parent)
    {
        if (PassesThrough)
        {
            // The sub-network (an earlier child of the same parent) has already counted its results for this token.
            var state = parent.States![StateSlot] |= Activated;
            if (Holds(state))
            {
                PassOn(session, parent);
            }

            return;
        }

        var owner = Kind == ConditionalKind.Aggregate
            ? session.NewAggregateOwnerToken(parent, Owner!.Id)
            : session.NewOwnerToken(parent, Owner!.Id);
        owner.Initializing = true;
        Owner.EmitValue(session, owner);
        owner.Initializing = false;
        if (owner.Removed)
        {
            return;
        }

        switch (Kind)
        {
            case ConditionalKind.Not:
                if (owner.Count == 0)
                {
                    EmitOut(session, owner);
                }

                break;
            case ConditionalKind.Exists:
                if (owner.Count > 0)
                {
                    EmitOut(session, owner);
                }

                break;
            default:
                if (Aggregate!.IsGroupBy)
                {
                    var aggregateOwner = (AggregateOwnerToken)owner;
                    if (aggregateOwner.Groups is not null)
                    {
                        foreach (var group in aggregateOwner.Groups.ToArray())
                        {
                            RefreshGroup(session, aggregateOwner, group);
                        }
                    }
                }
                else
                {
                    RefreshAggregate(session, (AggregateOwnerToken)owner);
                }

                break;
        }
    }

    /// <summary>A result of the sub-network appeared or went away.</summary>
    public void OnSubResult(Session session, Token result, bool added)
    {
        var distance = session.Network.Nodes[result.NodeId].Level - Level;
        if (PassesThrough)
        {
            OnPassingResult(session, result.Ancestor(distance), added);
            return;
        }

        var owner = (OwnerToken)result.Ancestor(distance);
        if (owner.Removed)
        {
            return;
        }

        if (Kind != ConditionalKind.Aggregate)
        {
            owner.Count += added ? 1 : -1;
            if (owner.Initializing)
            {
                return;
            }

            var emitting = Kind == ConditionalKind.Not ? owner.Count == 0 : owner.Count > 0;
            var transition = added ? owner.Count == 1 : owner.Count == 0;
            if (!transition)
            {
                return;
            }

            if (emitting)
            {
                EmitOut(session, owner);
            }
            else if (owner.Out is not null)
            {
                RemoveOutput(session, owner);
            }

            return;
        }

        var spec = Aggregate!;
        var aggregate = (AggregateOwnerToken)owner;
        if (spec.IsGroupBy)
        {
            OnGroupResult(session, aggregate, result, added, spec);
            return;
        }

        var items = aggregate.Items ??= new List<Token>();
        if (added)
        {
            var index = InsertionIndex(items, result);
            if (spec.Calculator is { } calculator)
            {
                // The selector runs first: if it throws, neither list has changed.
                spec.InsertValue(session, this, aggregate.ValuesFor(calculator), index, result);
            }

            items.Insert(index, result);
        }
        else
        {
            var index = IndexOf(items, result);
            if (index >= 0)
            {
                items.RemoveAt(index);
                aggregate.Values?.RemoveAt(index);
            }
        }

        if (!owner.Initializing)
        {
            // Recomputed once before the agenda is next looked at, however many facts change meanwhile.
            session.MarkDirty(this, owner);
        }
    }

    /// <summary>A result of the sub-network of a pass-through node appeared or went away below <paramref name="token"/>.</summary>
    private void OnPassingResult(Session session, Token token, bool added)
    {
        if (token.Removed)
        {
            return;
        }

        var state = token.States![StateSlot] += added ? OneResult : -OneResult;
        var count = state / OneResult;
        var transition = added ? count == 1 : count == 0;
        if ((state & Activated) == 0 || !transition)
        {
            return;
        }

        if (Holds(state))
        {
            PassOn(session, token);
        }
        else
        {
            RemoveEmitted(session, token);
        }
    }

    /// <summary>Whether a pass-through node's condition holds for a token in <paramref name="state"/> (which it has seen).</summary>
    private bool Holds(int state) =>
        (state & Activated) != 0 && (Kind == ConditionalKind.Not ? state < OneResult : state >= OneResult);

    /// <summary>The condition of a pass-through node now holds for <paramref name="token"/>: it goes on to the children.</summary>
    private void PassOn(Session session, Token token)
    {
        foreach (var child in Children)
        {
            if (token.Removed || !Holds(token.States![StateSlot]))
            {
                return;
            }

            child.LeftActivate(session, token);
        }
    }

    /// <summary>Recomputes the output of an owner whose aggregated facts changed.</summary>
    public void Refresh(Session session, OwnerToken owner)
    {
        owner.Dirty = false;
        var aggregate = (AggregateOwnerToken)owner;
        if (!Aggregate!.IsGroupBy)
        {
            RefreshAggregate(session, aggregate);
            return;
        }

        foreach (var group in aggregate.Groups!.ToArray())
        {
            if (group.Dirty)
            {
                group.Dirty = false;
                RefreshGroup(session, aggregate, group);
            }
        }
    }

    private void OnGroupResult(Session session, AggregateOwnerToken owner, Token result, bool added, AggregateSpec spec)
    {
        var groups = owner.Groups ??= new List<GroupState>();
        if (added)
        {
            var key = spec.Select(session, this, result);
            var group = groups.Find(g => Equals(g.Key, key));
            if (group is null)
            {
                group = new GroupState(key, Outputs.Length);
                groups.Add(group);
            }

            group.Items.Insert(InsertionIndex(group.Items, result), result);
            if (!owner.Initializing)
            {
                group.Dirty = true;
                session.MarkDirty(this, owner);
            }

            return;
        }

        foreach (var group in groups)
        {
            if (RemoveItem(group.Items, result))
            {
                if (!owner.Initializing)
                {
                    group.Dirty = true;
                    session.MarkDirty(this, owner);
                }
                else if (group.Items.Count == 0)
                {
                    groups.Remove(group);
                }

                return;
            }
        }
    }

    private void RefreshAggregate(Session session, AggregateOwnerToken owner)
    {
        var outs = owner.OutsFor(Outputs.Length);
        RemoveOutputs(session, outs);
        var items = owner.Items ?? (IReadOnlyList<Token>)Array.Empty<Token>();
        var values = Aggregate!.Calculator is { } calculator ? owner.ValuesFor(calculator) : null;
        bool computed;
        object? value;
        try
        {
            computed = Aggregate.TryCompute(items, values, out value);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            // A whole-number sum that overflows fails the rule like any other condition.
            throw session.ExpressionFailed(RuleId, owner.Parent, null, ex, Aggregate.ResultRole, Aggregate.SelectorText, Aggregate.ResultName);
        }

        if (computed)
        {
            EmitOutputs(session, owner, outs, value);
        }
    }

    private void RefreshGroup(Session session, AggregateOwnerToken owner, GroupState group)
    {
        RemoveOutputs(session, group.Outs);
        if (group.Items.Count == 0)
        {
            owner.Groups!.Remove(group);
            return;
        }

        EmitOutputs(session, owner, group.Outs, Aggregate!.MakeGroup(group.Key, group.Items));
    }

    private static void RemoveOutputs(Session session, Token?[] outs)
    {
        for (var i = 0; i < outs.Length; i++)
        {
            if (outs[i] is { } old)
            {
                outs[i] = null;
                session.RemoveToken(old);
            }
        }
    }

    /// <summary>The value computed once, handed to every output node (each applies its own conditions).</summary>
    private void EmitOutputs(Session session, OwnerToken owner, Token?[] outs, object? value)
    {
        var outputs = Outputs;
        var parent = owner.Parent!;
        for (var i = 0; i < outputs.Length && !owner.Removed; i++)
        {
            outs[i] = outputs[i].Emit(session, parent, value);
        }
    }

    /// <summary>Emits the empty token of a not/exists owner whose condition now holds.</summary>
    private void EmitOut(Session session, OwnerToken owner)
    {
        if (OwnerIsOutput)
        {
            owner.Out = owner;
            foreach (var child in Children)
            {
                if (owner.Removed || !ReferenceEquals(owner.Out, owner))
                {
                    return;
                }

                child.LeftActivate(session, owner);
            }

            Partner?.OnSubResult(session, owner, added: true);
            return;
        }

        var token = session.NewToken(owner.Parent!, null, Id);
        owner.Out = token;
        EmitValue(session, token);
    }

    /// <summary>Withdraws the output of a not/exists owner (its match is blocked or went away).</summary>
    private void RemoveOutput(Session session, OwnerToken owner)
    {
        var old = owner.Out!;
        owner.Out = null;
        if (!ReferenceEquals(old, owner))
        {
            session.RemoveToken(old);
            return;
        }

        // The owner stays (its sub-network results keep counting); only what this node emitted below it goes.
        RemoveEmitted(session, owner);
        Partner?.OnSubResult(session, owner, added: false);
    }

    /// <summary>
    /// Removes what this node's children made below <paramref name="token"/> (the owner that is this node's output, or
    /// the left token a pass-through node passes on), leaving the sub-network's tokens beside them.
    /// </summary>
    private void RemoveEmitted(Session session, Token token)
    {
        var nodes = session.Network.Nodes;
        for (var child = token.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            // An aggregate's output tokens hang below the same parent as its owner, beside it: they go with it.
            var node = nodes[child.NodeId];
            if (!child.Removed && (node is AggregateOutputNode ? node.Parent!.Parent : node.Parent) == this)
            {
                session.RemoveToken(child);
            }

            child = next;
        }
    }

    /// <summary>An owner that was also the output is being removed: what it fed learns it went away.</summary>
    public void OnOwnerRemoving(Session session, OwnerToken owner)
    {
        if (ReferenceEquals(owner.Out, owner))
        {
            owner.Out = null;
            Partner?.OnSubResult(session, owner, added: false);
        }
    }

    /// <summary>Where a result goes to keep results in fact insertion order, whatever order the network delivers them in.</summary>
    private static int InsertionIndex(List<Token> items, Token result)
    {
        var sequence = result.Fact!.Sequence;
        var i = items.Count;
        while (i > 0 && items[i - 1].Fact!.Sequence > sequence)
        {
            i--;
        }

        return i;
    }

    private static int IndexOf(List<Token> items, Token result)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == result)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool RemoveItem(List<Token> items, Token result)
    {
        var i = IndexOf(items, result);
        if (i >= 0)
        {
            items.RemoveAt(i);
        }

        return i >= 0;
    }
}

/// <summary>Holds the owner tokens of a <see cref="ConditionalNode"/>: the left memory of its sub-network.</summary>
internal sealed class OwnerNode : BetaNode
{
    public OwnerNode(int id, BetaNode parent, int level)
        : base(id, parent, level)
    {
    }

    /// <summary>The not/exists/aggregate node whose owner tokens this node holds.</summary>
    public ConditionalNode Conditional { get; set; } = null!;

    public override void OnRemoving(Session session, Token token) => Conditional.OnOwnerRemoving(session, (OwnerToken)token);

    public override string Describe() => "owner";

    public override void LeftActivate(Session session, Token parent)
    {
    }
}
