namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// A partial match: one level of the left-hand side (a fact, a computed value, or nothing for not/exists) on
/// top of its parent. Tokens form a tree (tree-based removal) and sit in their producer's memory, a doubly
/// linked list kept in creation order so iteration is deterministic.
/// </summary>
internal class Token
{
    public Token(Token? parent, object? value, int nodeId)
    {
        Parent = parent;
        Value = value;
        NodeId = nodeId;
    }

    public Token? Parent { get; private set; }

    /// <summary>The fact or computed value at this level; null for not/exists levels and the root.</summary>
    public object? Value { get; private set; }

    /// <summary>The working-memory entry when this level is a fact.</summary>
    public virtual FactEntry? Fact => null;

    /// <summary>The beta node that produced this token (index into the network's node table).</summary>
    public int NodeId { get; private set; }

    public bool Removed;

    public Token? FirstChild;
    public Token? NextSibling;
    public Token? PrevSibling;

    public Token? NextInMemory;
    public Token? PrevInMemory;

    /// <summary>Makes a pooled token new again (a pooled session state reuses the tokens of its previous session, see <see cref="Session.Release"/>).</summary>
    protected void Reuse(Token? parent, object? value, int nodeId)
    {
        Parent = parent;
        Value = value;
        NodeId = nodeId;
        Removed = false;
        FirstChild = null;
        NextSibling = null;
        PrevSibling = null;
        NextInMemory = null;
        PrevInMemory = null;
    }

    /// <summary>A plain token (a binding, a not/exists/aggregate output or the root) taken from the pool.</summary>
    public void Reset(Token? parent, object? value, int nodeId) => Reuse(parent, value, nodeId);

    public void AddChild(Token child)
    {
        // The root token is never removed (a session's end just rewinds its arenas), so the tokens of every
        // rule's first pattern, which hang below it, need no sibling links: RemoveChild then has nothing to undo.
        if (Parent is null)
        {
            return;
        }

        child.NextSibling = FirstChild;
        if (FirstChild is not null)
        {
            FirstChild.PrevSibling = child;
        }

        FirstChild = child;
    }

    public void RemoveChild(Token child)
    {
        if (child.PrevSibling is not null)
        {
            child.PrevSibling.NextSibling = child.NextSibling;
        }
        else if (FirstChild == child)
        {
            FirstChild = child.NextSibling;
        }

        if (child.NextSibling is not null)
        {
            child.NextSibling.PrevSibling = child.PrevSibling;
        }

        child.NextSibling = null;
        child.PrevSibling = null;
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

/// <summary>A token whose level is a fact: also linked from the fact, so retracting the fact finds it.</summary>
internal sealed class FactToken : Token
{
    private FactEntry _fact;

    public FactToken(Token parent, FactEntry fact, int nodeId)
        : base(parent, fact.Object, nodeId)
    {
        _fact = fact;
    }

    public override FactEntry Fact => _fact;

    public void Reset(Token parent, FactEntry fact, int nodeId)
    {
        Reuse(parent, fact.Object, nodeId);
        _fact = fact;
        NextInFact = null;
        PrevInFact = null;
    }

    public FactToken? NextInFact;
    public FactToken? PrevInFact;
}
