using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The state a not/exists/aggregate node keeps for one left token: the results of its sub-network (a count,
/// or the aggregated items) and the output token(s) it currently emits.
/// </summary>
internal class OwnerToken : Token
{
    public OwnerToken(Token parent, int nodeId)
        : base(parent, null, nodeId)
    {
    }

    public bool Initializing;
    public bool Dirty;
    public int Count;
    public Token? Out;

    public void Reset(Token parent, int nodeId)
    {
        Reuse(parent, null, nodeId);
        Initializing = false;
        Dirty = false;
        Count = 0;
        Out = null;
        ResetState();
    }

    protected virtual void ResetState()
    {
    }
}

/// <summary>The owner state of an aggregate node: the aggregated items (or groups) besides the output.</summary>
internal sealed class AggregateOwnerToken : OwnerToken
{
    public AggregateOwnerToken(Token parent, int nodeId)
        : base(parent, nodeId)
    {
    }

    /// <summary>The sub-network's results (each with its fact at the last level), in fact insertion order.</summary>
    public List<Token>? Items;
    public List<GroupState>? Groups;

    /// <summary>
    /// The selected values of a sum/min/max, in the order of <see cref="Items"/>; null until this session's node
    /// selects one (a count or a collect never does).
    /// </summary>
    public AggregateValues? Values;

    // Every values list this owner has had, one per selector type, all empty but the one in use: an owner is pooled
    // across the aggregate nodes of the rule set, so from one session to the next it serves a max of dates, a sum of
    // amounts or a count, and keeping each type's list means it allocates none once it has served each type.
    private AggregateValues[] _keptValues = [];

    /// <summary>The token each output node of the aggregate emits for this owner (non-group aggregates), by output.</summary>
    public Token?[] Outs = [];

    /// <summary>The values list of this owner's node's calculator (one kept from an earlier session when one has its type).</summary>
    public AggregateValues ValuesFor(AggregateCalculator calculator)
    {
        if (Values is { } values)
        {
            return values;
        }

        foreach (var kept in _keptValues)
        {
            if (calculator.Fits(kept))
            {
                return Values = kept;
            }
        }

        Values = calculator.NewValues();
        _keptValues = [.. _keptValues, Values];
        return Values;
    }

    /// <summary>
    /// The output slots for an aggregate with <paramref name="outputs"/> output nodes: at least that many, the rest
    /// null (kept when large enough, as the owner serves nodes with different numbers of outputs).
    /// </summary>
    public Token?[] OutsFor(int outputs)
    {
        if (Outs.Length < outputs)
        {
            Outs = new Token?[outputs];
        }

        return Outs;
    }

    protected override void ResetState()
    {
        // The lists are kept for the next session: a reused owner collects into them without allocating.
        Items?.Clear();
        Groups?.Clear();
        Values?.Clear();
        Values = null;
        Array.Clear(Outs);
    }
}

/// <summary>One group of a group-by aggregate for one left token.</summary>
internal sealed class GroupState
{
    public GroupState(object? key, int outputs)
    {
        Key = key;
        Outs = new Token?[outputs];
    }

    public object? Key { get; }

    /// <summary>The sub-network's results in this group, in fact insertion order.</summary>
    public List<Token> Items { get; } = new();

    /// <summary>The token each output node of the aggregate emits for this group, by output.</summary>
    public Token?[] Outs { get; }

    public bool Dirty;
}
