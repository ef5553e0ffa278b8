using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>A fact in working memory: its current version, insertion order and the network state it feeds.</summary>
internal sealed class FactEntry
{
    public FactEntry(object fact, FactType type, object? identity) => Reset(fact, type, identity);

    /// <summary>Makes the entry stand for a fact: on creation, and when a pooled state reuses it.</summary>
    [MemberNotNull(nameof(Object), nameof(Type))]
    public void Reset(object fact, FactType type, object? identity)
    {
        Object = fact;
        Type = type;
        Identity = identity;
        Hash = FactLookup.HashOf(identity);
        RunIndex = -1;
        Sequence = 0;
        Supports = 0;
        Removed = false;
        FirstAlphaItem = null;
        FirstToken = null;
        TokenCount = 0;
        DeadTokens = 0;
        Next = null;
        Prev = null;
    }

    /// <summary>The current version of the fact (replaced on update of an <see cref="IFactIdentity"/> fact).</summary>
    public object Object;

    /// <summary>The runtime type of <see cref="Object"/>, as the session knows it (its alpha route).</summary>
    public FactType Type;

    /// <summary>The fact's identity, computed once at insertion (see <see cref="FactType.IdentityOf"/>).</summary>
    public object? Identity;

    /// <summary>
    /// The hash the fact is filed under, computed once: of <see cref="Identity"/>, or without one, when the fact is
    /// not in its type's run, of the reference (see <see cref="FactLookup"/>). Lookups compare it first.
    /// </summary>
    public int Hash;

    /// <summary>The fact's place in its type's run of facts found by reference (see <see cref="FactLookup"/>); -1 when not in one.</summary>
    public int RunIndex;

    /// <summary>True when this entry stands for the fact with the given identity (see <see cref="FactType.IdentityOf"/>).</summary>
    public bool Is(object fact, object? identity) => FactLookup.SameFact(Object, Identity, fact, identity);

    /// <summary>Insertion order, kept across updates.</summary>
    public long Sequence;

    /// <summary>
    /// For a fact inserted linked (<see cref="IActionContext.InsertLinked"/>), the activations supporting it: each has
    /// the entry in its <see cref="Activation.Linked"/>, and the fact is retracted when the last one goes. Zero for a
    /// stated fact (inserted plainly, or stated since), which only a retraction removes.
    /// </summary>
    public int Supports;

    public bool Removed;

    /// <summary>Alpha memories the fact is in (linked through <see cref="AlphaItem.NextOfFact"/>).</summary>
    public AlphaItem? FirstAlphaItem;

    /// <summary>
    /// Tokens whose level is this fact, most recent first (linked through <see cref="FactToken.NextInFact"/>). As
    /// for a token's children (<see cref="Token.FirstChild"/>), a removed token is counted, not unlinked, until
    /// the list is compacted or the fact leaves the network.
    /// </summary>
    public FactToken? FirstToken;

    /// <summary>Tokens linked from this fact, removed ones included.</summary>
    public int TokenCount;

    /// <summary>Tokens removed since the list was last compacted.</summary>
    public int DeadTokens;

    public FactEntry? Next;
    public FactEntry? Prev;

    public void AddToken(FactToken token)
    {
        if (LazyTokenList.IsDue(DeadTokens, TokenCount))
        {
            CompactTokens();
        }

        token.NextInFact = FirstToken;
        FirstToken = token;
        TokenCount++;
    }

    // Out of line: AddToken stays small enough to be inlined into every emit.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CompactTokens()
    {
        FirstToken = LazyTokenList.Compact(FirstToken, static t => t.NextInFact, static (t, next) => t.NextInFact = next, out TokenCount);
        DeadTokens = 0;
    }

    /// <summary>A token of this fact was removed (it stays linked, see <see cref="FirstToken"/>).</summary>
    public void TokenRemoved() => DeadTokens++;

    /// <summary>Forgets every token (they are all removed: the fact left the network).</summary>
    public void ClearTokens()
    {
        FirstToken = null;
        TokenCount = 0;
        DeadTokens = 0;
    }
}

/// <summary>Membership of a fact in one alpha memory.</summary>
internal sealed class AlphaItem
{
    public AlphaItem(FactEntry entry, int memoryId) => Reset(entry, memoryId);

    public FactEntry Entry { get; private set; }

    public int MemoryId { get; private set; }

    [MemberNotNull(nameof(Entry))]
    public void Reset(FactEntry entry, int memoryId)
    {
        Entry = entry;
        MemoryId = memoryId;
        Next = null;
        Prev = null;
        NextOfFact = null;
    }

    public AlphaItem? Next;
    public AlphaItem? Prev;
    public AlphaItem? NextOfFact;
}

/// <summary>An alpha memory: the facts that passed a chain of alpha tests, in insertion order.</summary>
internal sealed class AlphaList
{
    public AlphaItem? Head;
    public AlphaItem? Tail;
    public int Count;

    public void Clear()
    {
        Head = null;
        Tail = null;
        Count = 0;
    }

    public void Add(AlphaItem item)
    {
        item.Prev = Tail;
        item.Next = null;
        if (Tail is null)
        {
            Head = item;
        }
        else
        {
            Tail.Next = item;
        }

        Tail = item;
        Count++;
    }

    public void Remove(AlphaItem item)
    {
        if (item.Prev is null)
        {
            Head = item.Next;
        }
        else
        {
            item.Prev.Next = item.Next;
        }

        if (item.Next is null)
        {
            Tail = item.Prev;
        }
        else
        {
            item.Next.Prev = item.Prev;
        }

        item.Prev = null;
        Count--;
    }
}
