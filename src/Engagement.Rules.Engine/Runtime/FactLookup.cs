using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Finds a fact's working-memory entry by its identity: <see cref="IFactIdentity.FactIdentity"/> (value equality)
/// when the fact has one, else the reference. Kept, emptied, by a pooled session state.
/// </summary>
/// <remarks>
/// <para>
/// Facts found by reference are kept per runtime type (<see cref="FactType.Id"/>): up to <see cref="TypeRun"/> of a
/// type in an array of their entries, which a lookup scans comparing references. Hashing them would cost more: the
/// runtime makes an object's hash code the first time it is asked for (about 20 ns, a native call), and most facts,
/// all those a rule inserts, are new objects; a comparison costs about a nanosecond.
/// </para>
/// <para>
/// Facts with an identity, and a type's facts found by reference past its run, are filed by a hash computed once
/// when the fact is inserted (<see cref="FactEntry.Hash"/>: the identity's, or the object's): up to
/// <see cref="ScanLimit"/> such entries are scanned, comparing the stored hashes first; beyond, an open-addressing
/// table over those hashes is built (no identity is hashed twice).
/// </para>
/// </remarks>
internal sealed class FactLookup
{
    /// <summary>Facts filed by hash that are scanned before the table is built.</summary>
    public const int ScanLimit = 8;

    /// <summary>Facts found by reference kept in their type's run, at most, per type.</summary>
    public const int TypeRun = 16;

    /// <summary>Stands for a null <see cref="IFactIdentity.FactIdentity"/>.</summary>
    public static readonly object NullIdentity = new();

    // Per fact type (by FactType.Id), its facts found by reference; runs below _runsUsed may be non-empty.
    private Run?[] _runs = [];
    private int _runsUsed;

    // The facts filed by hash: the first few scanned in _few, then all of them in the open-addressing table _slots.
    private readonly FactEntry?[] _few = new FactEntry?[ScanLimit];
    private int _fewCount;
    private FactEntry?[] _slots = [];
    private int _count;
    private bool _indexed;

    /// <summary>
    /// The identity rule: two facts are the same when both have an identity and the identities are equal, or
    /// when neither has one and they are the same object.
    /// </summary>
    public static bool SameFact(object a, object? identityA, object b, object? identityB) =>
        identityA is not null ? identityB is not null && identityA.Equals(identityB) : identityB is null && ReferenceEquals(a, b);

    /// <summary>
    /// The hash a fact is filed under when it has an identity (the identity's); a fact found by reference has none
    /// until it is filed past its type's run (<see cref="TryAdd"/> then gives it its object's).
    /// </summary>
    public static int HashOf(object? identity) => identity?.GetHashCode() ?? 0;

    private static int ObjectHash(object fact) => RuntimeHelpers.GetHashCode(fact);

    /// <summary>The entry of a fact of the given type whose identity is known (see <see cref="FactType.IdentityOf"/>); null when absent.</summary>
    public FactEntry? Find(object fact, FactType type, object? identity)
    {
        if (identity is not null)
        {
            return FindHashed(fact, identity, identity.GetHashCode());
        }

        if (RunOf(type) is not { } run)
        {
            return null;
        }

        if (run.Find(fact) is { } found)
        {
            return found;
        }

        return run.Overflowed ? FindHashed(fact, null, ObjectHash(fact)) : null;
    }

    /// <summary>
    /// Files an entry unless one standing for the same fact is there (<paramref name="existing"/>, and nothing is
    /// filed). A fact found by reference goes into its type's run, or past it under its object's hash.
    /// </summary>
    public bool TryAdd(FactEntry entry, [NotNullWhen(false)] out FactEntry? existing)
    {
        if (entry.Identity is not null)
        {
            existing = FindHashed(entry.Object, entry.Identity, entry.Hash);
            if (existing is not null)
            {
                return false;
            }

            AddHashed(entry);
            return true;
        }

        var run = RunOf(entry.Type) ?? NewRun(entry.Type);
        existing = run.Find(entry.Object);
        if (existing is not null)
        {
            return false;
        }

        // A type that outgrew its run has facts filed by hash too, which may free room in the run later: look there too.
        if (run.Overflowed)
        {
            entry.Hash = ObjectHash(entry.Object);
            existing = FindHashed(entry.Object, null, entry.Hash);
            if (existing is not null)
            {
                return false;
            }
        }

        existing = null;
        if (run.TryAdd(entry))
        {
            return true;
        }

        run.Overflowed = true;
        entry.Hash = ObjectHash(entry.Object);
        AddHashed(entry);
        return true;
    }

    /// <summary>
    /// Makes room for a batch of <paramref name="count"/> facts that may be filed by hash (more than a type's run), so
    /// that the table is sized once instead of doubled, and refiled, step by step as the batch is checked.
    /// </summary>
    public void Reserve(int count)
    {
        if (_indexed)
        {
            Grow(_count + count);
        }
        else if (_fewCount + count > ScanLimit)
        {
            BuildTable(_fewCount + count);
        }
    }

    public void Remove(FactEntry entry)
    {
        if (entry.RunIndex >= 0)
        {
            _runs[entry.Type.Id]!.RemoveAt(entry.RunIndex);
            entry.RunIndex = -1;
        }
        else if (!_indexed)
        {
            RemoveFew(entry);
        }
        else
        {
            RemoveFromTable(entry);
        }
    }

    /// <summary>
    /// Empties the lookup for the next session on a pooled state: the table keeps its size unless it grew past
    /// twice <paramref name="retain"/> slots.
    /// </summary>
    public void Clear(int retain)
    {
        for (var i = 0; i < _runsUsed; i++)
        {
            _runs[i]?.Clear();
        }

        _runsUsed = 0;
        if (_fewCount > 0)
        {
            Array.Clear(_few, 0, _fewCount);
            _fewCount = 0;
        }

        if (_slots.Length > 2 * Math.Max(16, retain))
        {
            _slots = [];
        }
        else if (_count > 0)
        {
            Array.Clear(_slots);
        }

        _count = 0;
        _indexed = false;
    }

    private Run? RunOf(FactType type) => type.Id < _runsUsed ? _runs[type.Id] : null;

    private Run NewRun(FactType type)
    {
        if (type.Id >= _runs.Length)
        {
            Array.Resize(ref _runs, Math.Max(type.Id + 1, 2 * _runs.Length));
        }

        _runsUsed = Math.Max(_runsUsed, type.Id + 1);
        return _runs[type.Id] ??= new Run();
    }

    private FactEntry? FindHashed(object fact, object? identity, int hash)
    {
        if (!_indexed)
        {
            for (var i = 0; i < _fewCount; i++)
            {
                var entry = _few[i]!;
                if (entry.Hash == hash && entry.Is(fact, identity))
                {
                    return entry;
                }
            }

            return null;
        }

        var mask = _slots.Length - 1;
        for (var i = hash & mask; _slots[i] is { } entry; i = (i + 1) & mask)
        {
            if (entry.Hash == hash && entry.Is(fact, identity))
            {
                return entry;
            }
        }

        return null;
    }

    private void AddHashed(FactEntry entry)
    {
        if (!_indexed)
        {
            if (_fewCount < ScanLimit)
            {
                _few[_fewCount++] = entry;
                return;
            }

            // The scan has grown too long: file the entries by hash from now on.
            BuildTable(2 * ScanLimit);
        }

        Grow(_count + 1);
        AddToTable(entry);
    }

    private void BuildTable(int capacity)
    {
        _indexed = true;
        Grow(capacity);
        for (var i = 0; i < _fewCount; i++)
        {
            AddToTable(_few[i]!);
        }

        Array.Clear(_few, 0, _fewCount);
        _fewCount = 0;
    }

    private void AddToTable(FactEntry entry)
    {
        var mask = _slots.Length - 1;
        var i = entry.Hash & mask;
        while (_slots[i] is not null)
        {
            i = (i + 1) & mask;
        }

        _slots[i] = entry;
        _count++;
    }

    private void RemoveFew(FactEntry entry)
    {
        for (var i = 0; i < _fewCount; i++)
        {
            if (ReferenceEquals(_few[i], entry))
            {
                _few[i] = _few[--_fewCount];
                _few[_fewCount] = null;
                return;
            }
        }
    }

    private void RemoveFromTable(FactEntry entry)
    {
        var mask = _slots.Length - 1;
        var i = entry.Hash & mask;
        while (_slots[i] is { } other && !ReferenceEquals(other, entry))
        {
            i = (i + 1) & mask;
        }

        if (_slots[i] is null)
        {
            return;
        }

        // Backward-shift deletion: move later entries of the probe run into the hole, so no tombstones are needed.
        _slots[i] = null;
        _count--;
        for (var j = (i + 1) & mask; _slots[j] is { } moved; j = (j + 1) & mask)
        {
            var home = moved.Hash & mask;
            var between = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!between)
            {
                _slots[i] = moved;
                _slots[j] = null;
                i = j;
            }
        }
    }

    /// <summary>Keeps the table at most half full: doubles (and refiles) when <paramref name="count"/> would pass that.</summary>
    private void Grow(int count)
    {
        if (count * 2 <= _slots.Length)
        {
            return;
        }

        var size = Math.Max(16, _slots.Length);
        while (size < count * 2)
        {
            size *= 2;
        }

        var old = _slots;
        _slots = new FactEntry?[size];
        _count = 0;
        foreach (var entry in old)
        {
            if (entry is not null)
            {
                AddToTable(entry);
            }
        }
    }

    /// <summary>
    /// The facts of one type found by reference, up to <see cref="TypeRun"/>, in no particular order (an entry knows its
    /// place, <see cref="FactEntry.RunIndex"/>). A scan compares each entry's object with the fact: the entries of a
    /// session are taken in order from its arena, so they sit side by side in memory.
    /// </summary>
    private sealed class Run
    {
        private FactEntry?[] _entries = new FactEntry?[4];
        private int _count;

        /// <summary>Set once a fact of the type was filed by hash because the run was full (for the rest of the session).</summary>
        public bool Overflowed { get; set; }

        public FactEntry? Find(object fact)
        {
            var entries = _entries;
            for (var i = 0; i < _count; i++)
            {
                if (ReferenceEquals(entries[i]!.Object, fact))
                {
                    return entries[i];
                }
            }

            return null;
        }

        public bool TryAdd(FactEntry entry)
        {
            if (_count == _entries.Length)
            {
                if (_count == TypeRun)
                {
                    return false;
                }

                Array.Resize(ref _entries, 2 * _count);
            }

            _entries[_count] = entry;
            entry.RunIndex = _count++;
            return true;
        }

        public void RemoveAt(int index)
        {
            var last = --_count;
            if (index != last)
            {
                var moved = _entries[last]!;
                _entries[index] = moved;
                moved.RunIndex = index;
            }

            _entries[last] = null;
        }

        public void Clear()
        {
            // A few entries: a loop costs less than a call to Array.Clear.
            for (var i = 0; i < _count; i++)
            {
                _entries[i] = null;
            }

            _count = 0;
            Overflowed = false;
        }
    }
}
