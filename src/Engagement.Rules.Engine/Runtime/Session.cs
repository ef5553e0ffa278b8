using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Working memory, node memories and agenda over a shared <see cref="ReteNetwork"/>: the state behind a
/// <see cref="SessionHandle"/>. Everything is allocated lazily, and a state is pooled: when its handle is disposed
/// its memories, indexes and tokens are kept (see <see cref="Release"/>) and serve the next session.
/// </summary>
internal sealed partial class Session
{
    private const int LoopWindow = 256;

    private readonly Arena<Token> _tokens = new();
    private readonly Arena<Token> _factTokens = new();
    private readonly Arena<OwnerToken> _owners = new();
    private readonly Arena<AggregateOwnerToken> _aggregateOwners = new();
    private readonly Arena<FactEntry> _entries = new();
    private readonly Arena<AlphaItem> _alphaItems = new();
    private readonly Arena<Activation> _activations = new();
    private readonly FreeList<List<Token>> _freeTokenBuckets = new();
    private readonly FreeList<List<AlphaItem>> _freeItemBuckets = new();
    private readonly TokenList?[] _memories;
    private readonly AlphaList?[] _alphas;
    private readonly JoinIndex?[] _joins;
    private readonly Agenda _agenda = new();
    private readonly FactLookup _lookup = new();
    private readonly FactTypes _types;
    private readonly Comparison<Token> _upstreamFirst;

    // Per-session state (reset by Release), and scratch buffers the next session on this state reuses.
    private SessionOptions _options = SessionOptions.Default;
    private Token? _root;
    private FactEntry? _firstFact;
    private FactEntry? _lastFact;
    private List<FactEntry>? _batchScratch;
    private Exception? _rejection;
    private long _factSequence;
    private int _partialMatches;
    private long _activationSequence;
    private List<Activation>? _stash;
    private FactEntry? _updating;
    private List<FactEntry>? _pendingRetracts;
    private int _depth;
    private bool _firing;
    private bool _halted;
    private ActionContext? _context;
    private SessionEvents? _events;
    private int[] _reached = new int[8];
    private int _reachedCount;
    private int[] _joinScratch = new int[8];
    private List<(ConditionalNode Node, OwnerToken Owner)>? _dirty;
    private List<(ConditionalNode Node, OwnerToken Owner)>? _dirtySpare;
    private List<Token>? _removalScratch;

    public Session(ReteNetwork network)
    {
        Network = network;
        _memories = new TokenList?[network.MemoryCount];
        _alphas = new AlphaList?[network.AlphaMemories.Length];
        _joins = new JoinIndex?[network.IndexCount];
        _types = new FactTypes(network);
        var nodes = network.Nodes;
        _upstreamFirst = (a, b) => nodes[a.NodeId].Rank.CompareTo(nodes[b.NodeId].Rank);
    }

    public ReteNetwork Network { get; }

    /// <summary>The handle of the session using this state: the sender of its events.</summary>
    public object Handle { get; private set; } = null!;

    /// <summary>Counts the sessions this state served: a match of an earlier session can tell it is stale.</summary>
    public int Generation { get; private set; }

    /// <summary>Set when an exception went through an operation: the state may be half-updated and is not pooled.</summary>
    public bool Broken { get; set; }

    /// <summary>
    /// The exception that went through the middle of a propagation (a condition, a match guard or an event handler
    /// threw while a change was half-way through the network): the facts and the matches no longer agree, and the
    /// session refuses further use. Null while the state is consistent; broken states are never pooled.
    /// </summary>
    public Exception? Fault { get; private set; }

    public bool IsFiring => _firing;

    /// <summary>The fact entries this session has taken from its arena (for tests: repeats must not use up entries).</summary>
    public int FactEntriesTaken => _entries.Taken;

    /// <summary>True while an operation propagates a change through the network (events raised now come from inside it).</summary>
    public bool IsPropagating => _depth > 0;

    /// <summary>Starts a session on this (new or released) state.</summary>
    public void Begin(SessionOptions options, object handle)
    {
        _options = options;
        Handle = handle;
        Generation++;
    }

    public ISessionEvents Events => _events ??= new SessionEvents();

    public TokenList Memory(int slot) => _memories[slot] ??= new TokenList();

    public AlphaList Alpha(int memoryId) => _alphas[memoryId] ??= new AlphaList();

    public AlphaList? PeekAlpha(int memoryId) => _alphas[memoryId];

    public JoinIndex? PeekJoin(int slot) => _joins[slot];

    public TokenList? PeekMemory(int slot) => slot < 0 ? null : _memories[slot];

    public JoinIndex Join(JoinNode join) => _joins[join.IndexSlot] ??= join.Key!.NewIndex(join);

    // ---- Fact operations -------------------------------------------------------------------------

    public void Insert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryInsert(fact, stateExisting: false))
        {
            throw new FactException(fact, $"The fact {FactText.Describe(fact)} is already in the session.");
        }
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts as IReadOnlyList<object> ?? new List<object>(facts);
        if (list.Count > FactLookup.TypeRun)
        {
            _lookup.Reserve(list.Count);
        }

        // Check the whole batch first (against the session and against itself): a duplicate inserts nothing.
        var entries = _batchScratch ?? new List<FactEntry>();
        _batchScratch = null;
        var entriesBefore = _entries.Taken;
        try
        {
            try
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var fact = list[i];
                    var entry = fact is null ? null : NewFactEntry(fact, _types.Of(fact));
                    if (entry is null || !_lookup.TryAdd(entry, out _))
                    {
                        throw fact is null ? new ArgumentException("The facts contain null.", nameof(facts)) : Duplicate(fact);
                    }

                    entries.Add(entry);
                }
            }
            catch (Exception ex)
            {
                RejectBatch(entries, entriesBefore, ex);
                throw;
            }

            if (entries.Count == 1)
            {
                InsertCore(entries[0]);
            }
            else if (entries.Count > 1)
            {
                InsertBatch(entries);
            }
        }
        finally
        {
            entries.Clear();
            _batchScratch = entries;
        }
    }

    /// <summary>
    /// Undoes the checks of a batch that failed them. Nothing of the batch stays findable, whatever stopped the check
    /// (a duplicate, a null, or a host fact whose FactIdentity, Equals or GetHashCode threw): a fact left in the lookup
    /// but not in the session was "already in the session" for ever after. Nor does the batch keep the pooled entries
    /// it took (the one that failed too): none was published, and a host retrying bad batches would otherwise use up
    /// a new entry per fact of every failed batch.
    /// </summary>
    // A method of its own: a loop inside a catch block keeps the runtime from compiling InsertAll in tiers (see
    // ClearBatch).
    private void RejectBatch(List<FactEntry> entries, int entriesBefore, Exception rejection)
    {
        foreach (var added in entries)
        {
            _lookup.Remove(added);
        }

        _entries.ReturnTakenSince(entriesBefore);
        _rejection = rejection;
    }

    /// <summary>
    /// True when <paramref name="exception"/> rejected a call's input before the call changed anything (a batch that
    /// failed its checks), so that the state is as it was before the call and stays poolable; forgets it.
    /// </summary>
    public bool IsRejection(Exception exception)
    {
        var rejection = _rejection;
        _rejection = null;
        return ReferenceEquals(rejection, exception);
    }

    private static FactException Duplicate(object fact) =>
        new(fact, $"The fact {FactText.Describe(fact)} is already in the session (or twice in the batch); nothing was inserted.");

    /// <summary>Inserts a fact unless it is there; one that is there only linked becomes stated (see <see cref="FactEntry.Supports"/>).</summary>
    public bool TryInsert(object fact) => TryInsert(fact, stateExisting: true);

    private bool TryInsert(object fact, bool stateExisting)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var type = _types.Of(fact);
        if (InsertUnlessPresent(fact, type, type.IdentityOf(fact), supporter: null) is not { } existing)
        {
            return true;
        }

        if (stateExisting)
        {
            existing.Supports = 0;
        }

        return false;
    }

    /// <summary>
    /// The one path that files a new fact: returns the entry of the fact with its identity when there is one (nothing
    /// inserted); otherwise files a new entry and inserts it, first supported by <paramref name="supporter"/> when given
    /// (a linked insert: if inserting the fact removes that very match, the deletion at the end of the insert
    /// retracts it again), and returns null.
    /// </summary>
    private FactEntry? InsertUnlessPresent(object fact, FactType type, object? identity, Activation? supporter)
    {
        // One lookup both checks for a duplicate and files the entry; the root exists first, so nothing can fail
        // between filing the entry and linking it into working memory.
        var entry = NewFactEntry(fact, type, identity);
        EnsureRoot();
        if (!_lookup.TryAdd(entry, out var existing))
        {
            // The fact is there: the entry was never published, so it goes back for the next insert (a rule linking
            // the same fact from many matches would otherwise use up one entry per repeat).
            _entries.ReturnLastTaken(entry);
            return existing;
        }

        if (supporter is not null)
        {
            entry.Supports = 1;
            (supporter.Linked ??= new List<FactEntry>()).Add(entry);
        }

        InsertCore(entry);
        return null;
    }

    /// <summary>
    /// Why a fact was not found. The object itself may be in the session under the identity it had when inserted:
    /// its <see cref="IFactIdentity.FactIdentity"/> changed since (a mutable key), which "it is not in the session"
    /// would hide. Looked for on this error path only.
    /// </summary>
    private string NotFound(object fact)
    {
        for (var entry = _firstFact; entry is not null; entry = entry.Next)
        {
            if (ReferenceEquals(entry.Object, fact))
            {
                return $"it is in the session, but under the identity it had when inserted ({FactText.Describe(entry.Identity ?? "null")}), and its FactIdentity is now {FactText.Describe(_types.Of(fact).IdentityOf(fact) ?? "null")}. A fact's identity must not change while it is in a session: retract it, change it, insert it again.";
            }
        }

        return "it is not in the session.";
    }

    public void Update(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryUpdate(fact))
        {
            throw new FactException(fact, $"The fact {FactText.Describe(fact)} cannot be updated: {NotFound(fact)}");
        }
    }

    public bool TryUpdate(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var entry = Find(fact);
        if (entry is null)
        {
            return false;
        }

        Update(entry, fact);
        return true;
    }

    public void Retract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryRetract(fact))
        {
            throw new FactException(fact, $"The fact {FactText.Describe(fact)} cannot be retracted: {NotFound(fact)}");
        }
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var entry = Find(fact);
        if (entry is null)
        {
            return false;
        }

        BeginOperation();
        try
        {
            RetractCore(entry);
        }
        catch (Exception ex) when (Faulting(ex))
        {
            throw;
        }
        finally
        {
            EndOperation();
        }

        return true;
    }

    // An exactly sized array (a snapshot the caller owns): counting first costs a type test per fact, less than
    // growing a list, and a caller that wants an array or a list (as the evaluator does) copies nothing more.
    public IEnumerable<T> Query<T>()
    {
        // A sealed fact type is recognised by its exact runtime type: cheaper than a type test in shared generic code.
        var exact = ExactType<T>.Value;
        var count = 0;
        for (var entry = _firstFact; entry is not null; entry = entry.Next)
        {
            count += (exact is not null ? entry.Object.GetType() == exact : entry.Object is T) ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        var next = 0;
        for (var entry = _firstFact; entry is not null && next < count; entry = entry.Next)
        {
            if (exact is not null ? entry.Object.GetType() == exact : entry.Object is T)
            {
                result[next++] = (T)entry.Object;
            }
        }

        return result;
    }

    /// <summary>The type itself when a fact of type <typeparamref name="T"/> can only be of exactly that type.</summary>
    private static class ExactType<T>
    {
        public static readonly Type? Value = typeof(T).IsSealed && !typeof(T).IsValueType ? typeof(T) : null;
    }

    public IReadOnlyList<IMatch> GetAgenda()
    {
        EnsureRoot();
        Settle();
        var snapshot = _agenda.Snapshot();
        foreach (var activation in snapshot)
        {
            activation.Expose();
        }

        return snapshot;
    }

    /// <summary>Marks an aggregate whose facts changed; it is recomputed by <see cref="Settle"/>.</summary>
    public void MarkDirty(ConditionalNode node, OwnerToken owner)
    {
        if (!owner.Dirty)
        {
            owner.Dirty = true;
            (_dirty ??= new List<(ConditionalNode, OwnerToken)>()).Add((node, owner));
        }
    }

    /// <summary>Brings deferred aggregate results (and the linked-fact retractions they cause) up to date.</summary>
    // The check inlines into every firing; the work (only when an aggregate changed) stays out of line.
    private void Settle()
    {
        if (_dirty is { Count: > 0 })
        {
            SettleAggregates();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SettleAggregates()
    {
        while (_dirty is { Count: > 0 })
        {
            BeginOperation();
            try
            {
                FlushAggregates();
            }
            catch (Exception ex) when (Faulting(ex))
            {
                throw;
            }
            finally
            {
                EndOperation();
            }
        }
    }

    private void FlushAggregates()
    {
        // Two lists in turn: refreshing an aggregate may mark others dirty, which go to the other list.
        while (_dirty is { Count: > 0 })
        {
            var dirty = _dirty;
            _dirty = _dirtySpare ?? new List<(ConditionalNode, OwnerToken)>();
            _dirtySpare = null;
            foreach (var (node, owner) in dirty)
            {
                if (!owner.Removed && owner.Dirty)
                {
                    node.Refresh(this, owner);
                }
            }

            dirty.Clear();
            _dirtySpare = dirty;
        }
    }

    private void InsertCore(FactEntry entry)
    {
        BeginOperation();
        try
        {
            AddToWorkingMemory(entry);
            AddToNetwork(entry);
        }
        catch (Exception ex) when (Faulting(ex))
        {
            throw;
        }
        finally
        {
            EndOperation();
        }
    }

    /// <summary>Puts a new fact into working memory (its insertion order, the fact list, the event); the network comes after.</summary>
    private void AddToWorkingMemory(FactEntry entry)
    {
        entry.Sequence = ++_factSequence;
        AddEntry(entry);
        _events?.OnFactInserted(Handle, entry.Object);
    }

    private void UpdateCore(FactEntry entry, object fact)
    {
        // Retract then re-insert; the activations that go away and come back over the same facts are the same
        // match, updated (see AddToAgenda).
        FlushAggregates();
        var outerUpdating = _updating;
        _updating = entry;
        try
        {
            RemoveFromNetwork(entry);
            // A new version has the same identity (that is how it was found): only the object changes, and with it
            // perhaps the runtime type (a derived record), so the route.
            entry.Object = fact;
            entry.Type = _types.Of(fact);

            entry.Removed = false;
            _events?.OnFactUpdated(Handle, fact);
            AddToNetwork(entry);
            FlushAggregates();
        }
        finally
        {
            _updating = outerUpdating;
        }
    }

    private void RetractCore(FactEntry entry)
    {
        RemoveFromNetwork(entry);
        RemoveEntry(entry);
        if (_depth == 1)
        {
            // Report the activations the retraction deleted before the retraction itself, as for an insert.
            FlushStash();
        }

        _events?.OnFactRetracted(Handle, entry.Object);
    }

    /// <summary>
    /// Notes <paramref name="exception"/> as the session's <see cref="Fault"/> when it is thrown inside a propagation.
    /// Called from exception filters, which run before the propagation's finally blocks unwind it; returns true.
    /// </summary>
    public bool NoteFault(Exception exception)
    {
        if (_depth > 0)
        {
            Fault ??= exception;
            Broken = true;
        }

        return true;
    }

    /// <summary>
    /// The filter on every operation (<c>catch (Exception ex) when (Faulting(ex))</c>): notes the fault while the
    /// exception still propagates, before the operation's finally unwinds <see cref="_depth"/>, so that no catch
    /// above (a rule action's own, around its <c>ctx.Insert</c>) can hide a half-propagated change. Returns false:
    /// the exception goes on untouched, and the filter costs nothing until something throws.
    /// </summary>
    private bool Faulting(Exception exception)
    {
        NoteFault(exception);
        return false;
    }

    /// <summary>The error for a call on a session whose <see cref="Fault"/> is set; <paramref name="ruleId"/> names the rule whose action caught the fault, when one did.</summary>
    // Its memories are half-updated: answering would silently give wrong matches or lose facts' matches.
    public static InvalidOperationException Faulted(Exception fault, string? ruleId = null) => new(
        $"The session is half-updated and cannot be used any more: {fault.GetType().Name} was thrown in the middle of an earlier " +
        $"operation ({fault.Message}){(ruleId is null ? string.Empty : $", and an action of rule '{ruleId}' caught it")}, so its facts and matches no longer agree. " +
        "Dispose it and start a new session.",
        fault);

    private void BeginOperation()
    {
        if (_depth == 0)
        {
            // An action that caught the fault of its own change must not change the session further.
            if (Fault is { } fault)
            {
                throw Faulted(fault);
            }

            EnsureRoot();
        }

        _depth++;
    }

    private void EndOperation()
    {
        // Usually the operation removed no activation and left no linked fact to retract: then nothing is left to do,
        // and this check inlines into every operation.
        _depth--;
        if (_depth > 0 || (_stash is not { Count: > 0 } && _pendingRetracts is not { Count: > 0 }))
        {
            return;
        }

        FinishOperation();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FinishOperation()
    {
        // An activation removed during the operation and not re-created by it is gone for good; facts linked to
        // it are retracted once the propagation that removed it is over.
        _depth++;
        try
        {
            while (true)
            {
                FlushStash();
                if (_pendingRetracts is not { Count: > 0 })
                {
                    break;
                }

                var entry = _pendingRetracts[^1];
                _pendingRetracts.RemoveAt(_pendingRetracts.Count - 1);

                // Nothing runs an action before this loop ends, so nothing could have supported or stated it again.
                if (!entry.Removed)
                {
                    RetractCore(entry);
                }
            }
        }
        catch (Exception ex) when (Faulting(ex))
        {
            throw;
        }
        finally
        {
            _depth--;
        }
    }

    // Called by every operation: the check inlines, the creation (once per session) stays out of line.
    private void EnsureRoot()
    {
        if (_root is null)
        {
            CreateRoot();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CreateRoot()
    {
        _root = NewToken(null, null, 0);
        if (Network.Root.HasMemory)
        {
            Memory(Network.Root.MemorySlot).Add(_root);
        }

        _depth++;
        try
        {
            // The root appears before the first fact: a join below it has an empty alpha memory and nothing to do;
            // only what matches without facts (a top-level not, a rule without patterns) activates now.
            foreach (var child in Network.Root.Children)
            {
                if (child is not JoinNode)
                {
                    child.LeftActivate(this, _root);
                }
            }
        }
        catch (Exception ex) when (Faulting(ex))
        {
            throw;
        }
        finally
        {
            _depth--;
        }
    }

    // ---- Working memory ----------------------------------------------------------------------------

    private FactEntry? Find(object fact)
    {
        var type = _types.Of(fact);
        return _lookup.Find(fact, type, type.IdentityOf(fact));
    }

    /// <summary>
    /// Links a new entry into working memory. The lookup already holds it: every insert files the entry there first,
    /// as its duplicate check.
    /// </summary>
    private void AddEntry(FactEntry entry)
    {
        entry.Prev = _lastFact;
        if (_lastFact is null)
        {
            _firstFact = entry;
        }
        else
        {
            _lastFact.Next = entry;
        }

        _lastFact = entry;
    }

    private void RemoveEntry(FactEntry entry)
    {
        if (entry.Prev is null)
        {
            _firstFact = entry.Next;
        }
        else
        {
            entry.Prev.Next = entry.Next;
        }

        if (entry.Next is null)
        {
            _lastFact = entry.Prev;
        }
        else
        {
            entry.Next.Prev = entry.Prev;
        }

        entry.Prev = null;
        entry.Next = null;
        _lookup.Remove(entry);
    }
}
