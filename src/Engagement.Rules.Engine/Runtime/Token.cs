using System;
using System.Runtime.CompilerServices;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// A partial match: one level of the left-hand side (a fact, a computed value, or nothing for the owner of a
/// not/exists that keeps owners) on top of its parent. Tokens form a tree (tree-based removal) and sit in their
/// producer's memory, a doubly linked list kept in creation order so iteration is deterministic. A token whose
/// level is a fact (a join's) is also linked from the fact, so retracting the fact finds it.
/// </summary>
internal class Token
{
    /// <summary>Removed children a list keeps at least before it is compacted (below that, skipping them is cheaper).</summary>
    public const int CompactionMinimum = 8;

    public Token(Token? parent, object? value, int nodeId)
        : this(parent, value, null, nodeId)
    {
    }

    public Token(Token? parent, object? value, FactEntry? fact, int nodeId)
    {
        Parent = parent;
        Value = value;
        Fact = fact;
        NodeId = nodeId;
    }

    public Token? Parent { get; private set; }

    /// <summary>The fact or computed value at this level; null for not/exists levels and the root.</summary>
    public object? Value { get; private set; }

    /// <summary>The working-memory entry when this level is a fact (<see cref="Value"/> is then its object).</summary>
    public FactEntry? Fact { get; private set; }

    /// <summary>The beta node that produced this token (index into the network's node table).</summary>
    public int NodeId { get; private set; }

    public bool Removed;

    /// <summary>
    /// The children, most recent first, singly linked. A removed child is only counted (<see cref="ChildRemoved"/>),
    /// not unlinked: tokens are never reused within a session, so it stays a valid, skipped link until the list is
    /// compacted (when the dead outnumber the living) or this token goes. Unlinking on every removal cost more than
    /// the rare skip.
    /// </summary>
    public Token? FirstChild;
    public Token? NextSibling;

    /// <summary>Children linked below this token, removed ones included.</summary>
    public int ChildCount;

    /// <summary>Children removed since the list was last compacted.</summary>
    public int DeadChildren;

    /// <summary>
    /// The state of each pass-through not/exists node below this token's node, by its
    /// <see cref="Network.ConditionalNode.StateSlot"/> (see <see cref="Network.ConditionalNode.PassesThrough"/>); kept
    /// by a pooled token for its next use.
    /// </summary>
    public int[]? States;

    public Token? NextInMemory;
    public Token? PrevInMemory;

    /// <summary>The next token of the same fact (see <see cref="FactEntry.FirstToken"/>).</summary>
    public Token? NextInFact;

    /// <summary>Makes a pooled token new again (a pooled session state reuses the tokens of its previous session, see <see cref="Session.Release"/>).</summary>
    protected void Reuse(Token? parent, object? value, int nodeId) => Reuse(parent, value, null, nodeId);

    /// <inheritdoc cref="Reuse(Token?, object?, int)"/>
    protected void Reuse(Token? parent, object? value, FactEntry? fact, int nodeId)
    {
        Parent = parent;
        Value = value;
        Fact = fact;
        NodeId = nodeId;
        Removed = false;
        FirstChild = null;
        NextSibling = null;
        ChildCount = 0;
        DeadChildren = 0;
        NextInMemory = null;
        PrevInMemory = null;
        NextInFact = null;
    }

    /// <summary>A plain token (a binding, a not/exists/aggregate output or the root) taken from the pool.</summary>
    public void Reset(Token? parent, object? value, int nodeId) => Reuse(parent, value, nodeId);

    /// <summary>A join's token (its level is <paramref name="fact"/>) taken from the pool.</summary>
    public void ResetFact(Token parent, FactEntry fact, int nodeId) => Reuse(parent, fact.Object, fact, nodeId);

    /// <summary>Makes the first <paramref name="count"/> states zero (a new token of a node with pass-through children).</summary>
    public void ClearStates(int count)
    {
        if (States is null || States.Length < count)
        {
            States = new int[count];
        }
        else
        {
            Array.Clear(States, 0, count);
        }
    }

    public void AddChild(Token child)
    {
        // The root token is never removed (a session's end just rewinds its arenas), so the tokens of every
        // rule's first pattern, which hang below it, need no sibling links: nothing ever walks them.
        if (Parent is null)
        {
            return;
        }

        if (LazyTokenList.IsDue(DeadChildren, ChildCount))
        {
            CompactChildren();
        }

        child.NextSibling = FirstChild;
        FirstChild = child;
        ChildCount++;
    }

    /// <summary>A child of this token was removed (it stays linked, see <see cref="FirstChild"/>).</summary>
    public void ChildRemoved()
    {
        if (Parent is not null)
        {
            DeadChildren++;
        }
    }

    // Out of line: AddChild stays small enough to be inlined into every emit.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CompactChildren()
    {
        FirstChild = LazyTokenList.Compact(FirstChild, static t => t.NextSibling, static (t, next) => t.NextSibling = next, out ChildCount);
        DeadChildren = 0;
    }

    public Token Ancestor(int distance)
    {
        var token = this;
        for (var i = 0; i < distance; i++)
        {
            token = token.Parent!;
        }

        return token;
    }
}
