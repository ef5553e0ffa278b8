using System;
using System.Collections.Generic;
using System.Threading;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Working memory, node memories and agenda over a shared <see cref="ReteNetwork"/>: the state behind a
/// <see cref="SessionHandle"/>. Everything is allocated lazily, and a state is pooled: when its handle is disposed
/// its memories, indexes and tokens are kept (see <see cref="Release"/>) and serve the next session.
/// </summary>
internal sealed class Session
{
    private const int LoopWindow = 256;

    private readonly Arena<Token> _tokens = new();
    private readonly Arena<FactToken> _factTokens = new();
    private readonly Arena<OwnerToken> _owners = new();
    private readonly Arena<AggregateOwnerToken> _aggregateOwners = new();
    private readonly Arena<FactEntry> _entries = new();
    private readonly Arena<AggregateItem> _aggregateItems = new();
    private readonly Arena<AlphaItem> _alphaItems = new();
    private readonly FreeList<List<Token>> _freeTokenBuckets = new();
    private readonly FreeList<List<AlphaItem>> _freeItemBuckets = new();
    private SessionOptions _options = SessionOptions.Default;
    private readonly TokenList?[] _memories;
    private readonly AlphaList?[] _alphas;
    private readonly JoinIndex?[] _joins;
    private readonly Agenda _agenda = new();
    private Token? _root;
    private FactEntry? _firstFact;
    private FactEntry? _lastFact;
    private int _factCount;
    private readonly FactLookup _lookup = new();
    private List<FactEntry>? _batchScratch;
    private long _factSequence;
    private long _activationSequence;
    private List<Activation>? _stash;
    private FactEntry? _updating;
    private List<object>? _pendingRetracts;
    private int _depth;
    private bool _firing;
    private bool _halted;
    private ActionContext? _context;
    private SessionEvents? _events;
    private List<AlphaMemoryNode>? _reached;
    private JoinNode[] _joinScratch = new JoinNode[8];
    private List<(ConditionalNode Node, OwnerToken Owner)>? _dirty;
    private List<(ConditionalNode Node, OwnerToken Owner)>? _dirtySpare;
    private List<FactToken>? _removalScratch;
    private readonly Comparison<FactToken> _upstreamFirst;

    public Session(ReteNetwork network)
    {
        Network = network;
        _memories = new TokenList?[network.MemoryCount];
        _alphas = new AlphaList?[network.AlphaMemories.Length];
        _joins = new JoinIndex?[network.IndexCount];
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

    public bool IsFiring => _firing;

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
        if (!TryInsert(fact))
        {
            throw new FactException($"The fact {Describe(fact)} is already in the session.", fact);
        }
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts as IReadOnlyList<object> ?? new List<object>(facts);
        if (_factCount + list.Count > FactLookup.ScanLimit)
        {
            _lookup.EnsureIndexed(_factCount + list.Count, _firstFact);
        }

        // Check the whole batch first (against the session and against itself): a duplicate inserts nothing.
        var entries = _batchScratch ?? new List<FactEntry>();
        _batchScratch = null;
        try
        {
            for (var i = 0; i < list.Count; i++)
            {
                var fact = list[i];
                var entry = fact is null ? null : NewFactEntry(fact, FactLookup.IdentityOf(fact));
                if (entry is null || (_lookup.IsIndexed ? !_lookup.TryAdd(entry) : IsDuplicate(entry, entries)))
                {
                    if (_lookup.IsIndexed)
                    {
                        foreach (var added in entries)
                        {
                            _lookup.Remove(added);
                        }
                    }

                    throw fact is null ? new ArgumentException("The facts contain null.", nameof(facts)) : Duplicate(fact);
                }

                entries.Add(entry);
            }

            foreach (var entry in entries)
            {
                InsertCore(entry, inLookup: _lookup.IsIndexed);
            }
        }
        finally
        {
            entries.Clear();
            _batchScratch = entries;
        }
    }

    private bool IsDuplicate(FactEntry entry, List<FactEntry> batch)
    {
        if (_lookup.Find(entry, _firstFact) is not null)
        {
            return true;
        }

        foreach (var other in batch)
        {
            if (entry.SameFactAs(other))
            {
                return true;
            }
        }

        return false;
    }

    private static FactException Duplicate(object fact) =>
        new($"The fact {Describe(fact)} is already in the session (or twice in the batch); nothing was inserted.", fact);

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var entry = NewFactEntry(fact, FactLookup.IdentityOf(fact));
        if (_lookup.Find(entry, _firstFact) is not null)
        {
            return false;
        }

        InsertCore(entry, inLookup: false);
        return true;
    }

    public void Update(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryUpdate(fact))
        {
            throw new FactException($"The fact {Describe(fact)} cannot be updated: it is not in the session.", fact);
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

        BeginOperation();
        try
        {
            UpdateCore(entry, fact);
        }
        finally
        {
            EndOperation();
        }

        return true;
    }

    public void Retract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryRetract(fact))
        {
            throw new FactException($"The fact {Describe(fact)} cannot be retracted: it is not in the session.", fact);
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
        finally
        {
            EndOperation();
        }

        return true;
    }

    public IEnumerable<T> Query<T>()
    {
        var result = new List<T>();
        for (var entry = _firstFact; entry is not null; entry = entry.Next)
        {
            if (entry.Object is T typed)
            {
                result.Add(typed);
            }
        }

        return result;
    }

    public IReadOnlyList<IMatch> GetAgenda()
    {
        EnsureRoot();
        Settle();
        return _agenda.Snapshot();
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
    private void Settle()
    {
        while (_dirty is { Count: > 0 })
        {
            BeginOperation();
            try
            {
                FlushAggregates();
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

    private void InsertCore(FactEntry entry, bool inLookup)
    {
        BeginOperation();
        try
        {
            entry.Sequence = ++_factSequence;
            AddEntry(entry, inLookup);
            _events?.OnFactInserted(Handle, entry.Object);
            AddToNetwork(entry);
        }
        finally
        {
            EndOperation();
        }
    }

    private void UpdateCore(FactEntry entry, object fact)
    {
        // Retract then re-insert; the activations that go away and come back over the same facts are the same
        // match, updated (see CreateActivation).
        FlushAggregates();
        var outerUpdating = _updating;
        _updating = entry;
        try
        {
            RemoveFromNetwork(entry);
            // A new version has the same identity (that is how it was found): only the object changes.
            entry.Object = fact;

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

    private void BeginOperation()
    {
        if (_depth == 0)
        {
            EnsureRoot();
        }

        _depth++;
    }

    private void EndOperation()
    {
        _depth--;
        if (_depth > 0)
        {
            return;
        }

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

                var fact = _pendingRetracts[^1];
                _pendingRetracts.RemoveAt(_pendingRetracts.Count - 1);
                var entry = Find(fact);
                if (entry is not null)
                {
                    RetractCore(entry);
                }
            }
        }
        finally
        {
            _depth--;
        }
    }

    private void EnsureRoot()
    {
        if (_root is not null)
        {
            return;
        }

        _root = NewToken(null, null, 0);
        if (Network.Root.HasMemory)
        {
            Memory(Network.Root.MemorySlot).Add(_root);
        }

        _depth++;
        try
        {
            foreach (var child in Network.Root.Children)
            {
                child.LeftActivate(this, _root);
            }
        }
        finally
        {
            _depth--;
        }
    }

    // ---- Working memory ----------------------------------------------------------------------------

    private FactEntry? Find(object fact) => _lookup.Find(fact, _firstFact);

    private void AddEntry(FactEntry entry, bool inLookup)
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
        _factCount++;
        if (_lookup.IsIndexed)
        {
            if (!inLookup)
            {
                _lookup.TryAdd(entry);
            }
        }
        else if (_factCount > FactLookup.ScanLimit)
        {
            _lookup.EnsureIndexed(2 * FactLookup.ScanLimit, _firstFact);
        }
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
        _factCount--;
        _lookup.Remove(entry);
    }

    // ---- Propagation -------------------------------------------------------------------------------

    private void AddToNetwork(FactEntry entry)
    {
        var reached = _reached ??= new List<AlphaMemoryNode>();
        reached.Clear();
        foreach (var root in Network.Route(entry.Object.GetType()))
        {
            Walk(root, entry.Object, reached);
        }

        // Store the fact in every memory it reached, then right-activate all their joins most downstream first
        // (topological rank): a token created upstream by this fact then meets it in each downstream memory
        // exactly once, and a sub-network learns about the fact before the node it feeds is re-evaluated.
        for (var m = 0; m < reached.Count; m++)
        {
            var memory = reached[m];
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

        if (reached.Count == 1)
        {
            foreach (var join in reached[0].Successors)
            {
                join.RightActivate(this, entry);
            }
        }
        else if (reached.Count > 1)
        {
            // Most downstream first across all the memories reached (see AlphaMemoryNode.Successors): a small
            // insertion sort into a buffer kept by the session, as propagation never re-enters AddToNetwork.
            var joins = _joinScratch;
            var count = 0;
            foreach (var memory in reached)
            {
                foreach (var join in memory.Successors)
                {
                    if (count == joins.Length)
                    {
                        Array.Resize(ref _joinScratch, count * 2);
                        joins = _joinScratch;
                    }

                    var at = count++;
                    while (at > 0 && joins[at - 1].Rank < join.Rank)
                    {
                        joins[at] = joins[at - 1];
                        at--;
                    }

                    joins[at] = join;
                }
            }

            for (var i = 0; i < count; i++)
            {
                joins[i].RightActivate(this, entry);
            }

            Array.Clear(joins, 0, count);
        }

        reached.Clear();
    }

    private void Walk(AlphaNode node, object fact, List<AlphaMemoryNode> reached)
    {
        if (node.Memory is not null)
        {
            reached.Add(node.Memory);
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
                throw ConditionFailed(child.RuleId, null, fact, ex);
            }

            if (pass)
            {
                Walk(child, fact, reached);
            }
        }

        foreach (var group in node.Groups)
        {
            object? key;
            try
            {
                key = group.Key(fact);
            }
            catch (Exception ex) when (ex is not RuleConditionException)
            {
                throw ConditionFailed(node.RuleId, null, fact, ex);
            }

            if (group.Branches.TryGetValue(key ?? JoinKey.Null, out var branch))
            {
                Walk(branch, fact, reached);
            }
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
        if (entry.FirstToken?.NextInFact is not null)
        {
            // Upstream first: removing a token removes what was derived from it, so a sub-network result and
            // the match it blocks never disappear in the wrong order (which would re-create the match).
            var tokens = _removalScratch ?? new List<FactToken>();
            _removalScratch = null;
            for (var t = entry.FirstToken; t is not null; t = t.NextInFact)
            {
                tokens.Add(t);
            }

            tokens.Sort(_upstreamFirst);
            foreach (var token in tokens)
            {
                RemoveToken(token);
            }

            tokens.Clear();
            _removalScratch = tokens;
        }

        while (entry.FirstToken is { } token)
        {
            RemoveToken(token);
        }
    }

    /// <summary>Removes a token and everything below it (tree-based removal).</summary>
    public void RemoveToken(Token token)
    {
        if (token.Removed)
        {
            return;
        }

        token.Removed = true;
        while (token.FirstChild is { } child)
        {
            RemoveToken(child);
        }

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

        token.Parent?.RemoveChild(token);
        if (token is FactToken factToken)
        {
            factToken.Fact.RemoveToken(factToken);
        }

        node.Partner?.OnSubResult(this, token, added: false);
    }

    // ---- Pooling -----------------------------------------------------------------------------------

    public Token NewToken(Token? parent, object? value, int nodeId)
    {
        if (_tokens.TryTake(out var token))
        {
            token.Reset(parent, value, nodeId);
            return token;
        }

        token = new Token(parent, value, nodeId);
        _tokens.Track(token);
        return token;
    }

    public FactToken NewFactToken(Token parent, FactEntry entry, int nodeId)
    {
        if (_factTokens.TryTake(out var token))
        {
            token.Reset(parent, entry, nodeId);
            return token;
        }

        token = new FactToken(parent, entry, nodeId);
        _factTokens.Track(token);
        return token;
    }

    public OwnerToken NewOwnerToken(Token parent, int nodeId)
    {
        if (_owners.TryTake(out var token))
        {
            token.Reset(parent, nodeId);
            return token;
        }

        token = new OwnerToken(parent, nodeId);
        _owners.Track(token);
        return token;
    }

    public AggregateOwnerToken NewAggregateOwnerToken(Token parent, int nodeId)
    {
        if (_aggregateOwners.TryTake(out var token))
        {
            token.Reset(parent, nodeId);
            return token;
        }

        token = new AggregateOwnerToken(parent, nodeId);
        _aggregateOwners.Track(token);
        return token;
    }

    public AggregateItem NewAggregateItem(Token source, object? selected)
    {
        if (_aggregateItems.TryTake(out var item))
        {
            item.Reset(source, selected);
            return item;
        }

        item = new AggregateItem(source, selected);
        _aggregateItems.Track(item);
        return item;
    }

    public List<Token> NewTokenBucket() => _freeTokenBuckets.TryTake(out var bucket) ? bucket : new List<Token>(2);

    public List<AlphaItem> NewItemBucket() => _freeItemBuckets.TryTake(out var bucket) ? bucket : new List<AlphaItem>(2);

    public void FreeBucket(List<Token> bucket) => _freeTokenBuckets.Give(bucket);

    public void FreeBucket(List<AlphaItem> bucket) => _freeItemBuckets.Give(bucket);

    private FactEntry NewFactEntry(object fact, object? identity)
    {
        if (_entries.TryTake(out var entry))
        {
            entry.Reset(fact, identity);
            return entry;
        }

        entry = new FactEntry(fact, identity);
        _entries.Track(entry);
        return entry;
    }

    private AlphaItem NewAlphaItem(FactEntry entry, int memoryId)
    {
        if (_alphaItems.TryTake(out var item))
        {
            item.Reset(entry, memoryId);
            return item;
        }

        item = new AlphaItem(entry, memoryId);
        _alphaItems.Track(item);
        return item;
    }

    /// <summary>
    /// Ends the session on this state: the arenas of tokens, fact entries, alpha and aggregate items are rewound
    /// (the next session re-initialises and reuses them in order), memories, agenda and indexes are emptied
    /// (keeping their capacity, index buckets going to free lists). Activations are not reused: a host may still
    /// hold one as an <see cref="IMatch"/>, which then reports the session as disposed instead of showing another
    /// session's facts.
    /// </summary>
    public void Release()
    {
        _tokens.Rewind();
        _factTokens.Rewind();
        _owners.Rewind();
        _aggregateOwners.Rewind();
        _entries.Rewind();
        _aggregateItems.Rewind();
        _alphaItems.Rewind();
        foreach (var memory in _memories)
        {
            memory?.Clear();
        }

        foreach (var alpha in _alphas)
        {
            alpha?.Clear();
        }

        foreach (var join in _joins)
        {
            join?.Release(this);
        }

        _agenda.Clear();
        _root = null;
        _firstFact = null;
        _lastFact = null;
        _factCount = 0;
        _lookup.Clear();
        _factSequence = 0;
        _activationSequence = 0;
        _stash?.Clear();
        _updating = null;
        _pendingRetracts?.Clear();
        _depth = 0;
        _firing = false;
        _halted = false;
        _events = null;
        _reached?.Clear();
        _dirty?.Clear();
        _options = SessionOptions.Default;
        Handle = null!;
    }

    // ---- Agenda ------------------------------------------------------------------------------------

    public void CreateActivation(TerminalNode terminal, Token parent)
    {
        var activation = new Activation(parent, terminal, ++_activationSequence, this);
        parent.AddChild(activation);
        if (_stash is { Count: > 0 })
        {
            for (var i = 0; i < _stash.Count; i++)
            {
                var old = _stash[i];
                if (!activation.SameMatchAs(old))
                {
                    continue;
                }

                _stash.RemoveAt(i);
                activation.Linked = old.Linked;

                // The match is the same; it changed only if the updated fact is one of its own facts (a fact
                // seen only through not/exists/an unchanged aggregate leaves the match as it was).
                var changed = _updating is not null && activation.Contains(_updating);
                if (!old.Fired)
                {
                    activation.Sequence = old.Sequence;
                    _agenda.Add(activation);
                }
                else if (changed && terminal.Rule.Repeatability == RuleRepeatability.Repeatable)
                {
                    _agenda.Add(activation);
                }
                else
                {
                    activation.Fired = true;
                }

                if (changed)
                {
                    _events?.OnActivationUpdated(Handle, activation);
                }

                return;
            }
        }

        _agenda.Add(activation);
        _events?.OnActivationCreated(Handle, activation);
    }

    public void OnActivationRemoved(Activation activation)
    {
        _agenda.Remove(activation);

        // Kept until the operation ends: a match that goes away and comes back within one operation (an update,
        // or a fact that both adds and removes a witness of a not/exists) is the same match, not a new one.
        if (_depth > 0)
        {
            (_stash ??= new List<Activation>()).Add(activation);
            return;
        }

        DeleteActivation(activation);
    }

    private void DeleteActivation(Activation activation)
    {
        _events?.OnActivationDeleted(Handle, activation);
        if (activation.Linked is { Count: > 0 } linked)
        {
            (_pendingRetracts ??= new List<object>()).AddRange(linked);
            activation.Linked = null;
        }
    }

    private void FlushStash()
    {
        if (_stash is not { Count: > 0 } stash)
        {
            return;
        }

        var count = stash.Count;
        for (var i = 0; i < count; i++)
        {
            DeleteActivation(stash[i]);
        }

        stash.RemoveRange(0, count);
    }

    // ---- Firing ------------------------------------------------------------------------------------

    public void Halt() => _halted = true;

    public int Fire(int maxFirings, CancellationToken cancellationToken)
    {
        if (_firing)
        {
            throw new InvalidOperationException("Fire cannot be called from a rule action.");
        }

        EnsureRoot();
        _firing = true;
        _halted = false;
        var fired = 0;
        var limit = _options.MaxFiringsPerFire;
        int[]? window = null;
        try
        {
            while (fired < maxFirings && !_halted)
            {
                Settle();
                if (_agenda.Count == 0 || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (fired >= limit)
                {
                    throw LoopDetected(limit, window!);
                }

                var activation = _agenda.Pop();
                activation.Fired = true;

                // Remember only the last firings before the limit: they name the looping rules.
                if (fired >= limit - LoopWindow)
                {
                    window ??= new int[Math.Min(limit, LoopWindow)];
                    window[fired % window.Length] = activation.Terminal.Id;
                }

                FireActivation(activation);
                fired++;
            }
        }
        finally
        {
            _firing = false;
        }

        return fired;
    }

    private void FireActivation(Activation activation)
    {
        var context = _context ??= new ActionContext(this);
        var previousLinked = activation.Linked;
        activation.Linked = null;
        context.Begin(activation, previousLinked);
        try
        {
            _events?.OnRuleFiring(Handle, activation);
            var actions = activation.Terminal.Actions;
            for (var i = 0; i < actions.Length; i++)
            {
                try
                {
                    actions[i](context, activation.Parent!);
                }
                catch (Exception ex) when (ex is not RuleConditionException)
                {
                    var error = new RuleActionException(activation.Rule.Id, activation.Facts, ex);
                    _events?.OnActionFailed(Handle, activation, error);
                    throw error;
                }
            }

            // Facts linked by the previous firing and not produced again are withdrawn.
            if (context.PreviousLinked is { Count: > 0 } stale)
            {
                foreach (var fact in stale.ToArray())
                {
                    TryRetract(fact);
                }
            }

            _events?.OnRuleFired(Handle, activation);
        }
        finally
        {
            context.End();
        }
    }

    private RuleLoopException LoopDetected(int limit, int[] window)
    {
        var counts = new Dictionary<int, int>();
        foreach (var terminalId in window)
        {
            if (terminalId > 0)
            {
                counts[terminalId] = counts.GetValueOrDefault(terminalId) + 1;
            }
        }

        var ranked = new List<KeyValuePair<int, int>>(counts);
        ranked.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var ids = new List<string>();
        foreach (var pair in ranked)
        {
            var id = ((TerminalNode)Network.Nodes[pair.Key]).Rule.Id;
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return new RuleLoopException(limit, ids);
    }

    // ---- Errors ------------------------------------------------------------------------------------

    public RuleConditionException ConditionFailed(string ruleId, Token? token, object? fact, Exception inner)
    {
        var facts = new List<object>();
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t.Fact is not null)
            {
                facts.Insert(0, t.Value!);
            }
        }

        if (fact is not null)
        {
            facts.Add(fact);
        }

        var error = new RuleConditionException(ruleId, facts, inner);
        _events?.OnConditionFailed(Handle, error);
        return error;
    }

    private static string Describe(object fact) => $"'{fact}' ({fact.GetType().Name})";
}
