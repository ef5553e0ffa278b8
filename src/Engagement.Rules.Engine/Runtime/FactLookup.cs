using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Finds a fact's working-memory entry by its identity: <see cref="IFactIdentity.FactIdentity"/> (value equality)
/// when the fact has one, else the reference. A fact's identity and its hash are computed once, when it is
/// inserted, and kept in its entry, so a lookup hashes only the probe. Up to <see cref="ScanLimit"/> facts the
/// entries are scanned; beyond, an open-addressing table over those stored hashes is built (no identity is
/// hashed twice), and kept, emptied, by a pooled session state.
/// </summary>
/// <remarks>
/// A fact found by reference is first filed under a hash of its type, not of the object: the object's own hash
/// is made (and stored in its header) the first time it is asked for, which cost about 20 ns for every new fact a
/// rule inserted, a sixteenth of the dealership session. Up to <see cref="TypeRun"/> such facts of one type share
/// that hash (a lookup compares their references); once a type outgrows that, its further facts are filed under
/// their object's hash for the rest of the session.
/// </remarks>
internal sealed class FactLookup
{
    public const int ScanLimit = 8;

    /// <summary>Facts found by reference that are filed under their type's hash, at most, per type.</summary>
    public const int TypeRun = 8;

    /// <summary>Stands for a null <see cref="IFactIdentity.FactIdentity"/>.</summary>
    private static readonly object NullIdentity = new();

    private FactEntry?[] _slots = [];
    private int _count;
    private bool _indexed;

    // The type hashes whose facts found by reference outgrew TypeRun: from then on (for the session) each new fact of
    // such a type is filed under its object's hash, and a miss under the type's hash looks there too. Usually none or
    // a few, scanned.
    private int[] _overflowed = [];
    private int _overflowedCount;

    public bool IsIndexed => _indexed;

    /// <summary>The identity of a fact: its <see cref="IFactIdentity.FactIdentity"/>, or null when it is found by reference.</summary>
    public static object? IdentityOf(object fact) => fact is IFactIdentity identity ? identity.FactIdentity ?? NullIdentity : null;

    /// <summary>
    /// The identity rule: two facts are the same when both have an identity and the identities are equal, or
    /// when neither has one and they are the same object.
    /// </summary>
    public static bool SameFact(object a, object? identityA, object b, object? identityB) =>
        identityA is not null ? identityB is not null && identityA.Equals(identityB) : identityB is null && ReferenceEquals(a, b);

    /// <summary>True when the two objects stand for the same fact (see <see cref="SameFact(object, object?, object, object?)"/>).</summary>
    public static bool SameFact(object a, object b) => SameFact(a, IdentityOf(a), b, IdentityOf(b));

    /// <summary>
    /// The hash a fact is first filed under: its identity's, or for a fact found by reference its type's (see the
    /// remarks; <see cref="TryAdd"/> may refile it under <see cref="ObjectHash"/>).
    /// </summary>
    public static int HashOf(object fact, object? identity) => identity?.GetHashCode() ?? TypeHash(fact.GetType());

    // The type handle is a fixed address: spread it (its low bits are alignment zeros) instead of hashing the Type object.
    private static int TypeHash(Type type) => (int)(((ulong)type.TypeHandle.Value * 0x9E3779B97F4A7C15UL) >> 32);

    private static int ObjectHash(object fact) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(fact);

    /// <summary>The entry standing for the same fact as <paramref name="probe"/> (not yet inserted); null when absent.</summary>
    public FactEntry? Find(FactEntry probe, FactEntry? first) => Find(probe.Object, probe.Identity, probe.Hash, first);

    /// <summary>The entry of a fact; null when absent.</summary>
    public FactEntry? Find(object fact, FactEntry? first)
    {
        var identity = IdentityOf(fact);
        return Find(fact, identity, HashOf(fact, identity), first);
    }

    /// <summary>The entry of a fact whose identity is known (see <see cref="IdentityOf"/>); null when absent.</summary>
    public FactEntry? Find(object fact, object? identity, FactEntry? first) => Find(fact, identity, HashOf(fact, identity), first);

    private FactEntry? Find(object fact, object? identity, int hash, FactEntry? first)
    {
        if (_indexed)
        {
            if (Probe(fact, identity, hash) is { } found)
            {
                return found;
            }

            return identity is null && IsOverflowed(hash) && ObjectHash(fact) is var objectHash && objectHash != hash
                ? Probe(fact, identity, objectHash)
                : null;
        }

        for (var entry = first; entry is not null; entry = entry.Next)
        {
            if (entry.Hash == hash && entry.Is(fact, identity))
            {
                return entry;
            }
        }

        return null;
    }

    private FactEntry? Probe(object fact, object? identity, int hash)
    {
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

    /// <summary>Builds the table once the facts outgrow a scan (or a batch will), with room for <paramref name="capacity"/>.</summary>
    public void EnsureIndexed(int capacity, FactEntry? first)
    {
        if (!_indexed)
        {
            _indexed = true;
            _count = 0;
            Array.Clear(_slots);
            Grow(capacity);
            for (var entry = first; entry is not null; entry = entry.Next)
            {
                TryAdd(entry);
            }
        }
        else
        {
            Grow(capacity);
        }
    }

    /// <summary>
    /// Files an entry; false when one standing for the same fact is there (or the table is not built). A fact found
    /// by reference whose type has outgrown <see cref="TypeRun"/> facts filed under the type's hash gets its object's
    /// hash (in <see cref="FactEntry.Hash"/>) and is filed under that.
    /// </summary>
    public bool TryAdd(FactEntry entry)
    {
        if (!_indexed)
        {
            return true;
        }

        Grow(_count + 1);
        var mask = _slots.Length - 1;
        var i = entry.Hash & mask;
        if (entry.Identity is null)
        {
            // The facts of the type filed under its hash (and any other reference fact sharing that hash) are in
            // this probe run: the same object would be among them.
            var sameType = 0;
            for (; _slots[i] is { } other; i = (i + 1) & mask)
            {
                if (other.Hash == entry.Hash && other.Identity is null)
                {
                    if (ReferenceEquals(other.Object, entry.Object))
                    {
                        return false;
                    }

                    sameType++;
                }
            }

            // Once a type has outgrown its run, its new facts always go under their own hash, even when retractions
            // have made room in the run: a fact filed there earlier must never be filed a second time under the type.
            if (!IsOverflowed(entry.Hash))
            {
                if (sameType < TypeRun)
                {
                    _slots[i] = entry;
                    _count++;
                    return true;
                }

                _ = BoundedArray.TryAppend(ref _overflowed, ref _overflowedCount, entry.Hash, int.MaxValue);
            }

            entry.Hash = ObjectHash(entry.Object);
            i = entry.Hash & mask;
        }

        for (; _slots[i] is { } other; i = (i + 1) & mask)
        {
            if (entry.SameFactAs(other))
            {
                return false;
            }
        }

        _slots[i] = entry;
        _count++;
        return true;
    }

    public void Remove(FactEntry entry)
    {
        if (!_indexed)
        {
            return;
        }

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

    /// <summary>
    /// Empties the lookup for the next session on a pooled state: the table keeps its size unless it grew past
    /// twice <paramref name="retain"/> slots.
    /// </summary>
    public void Clear(int retain)
    {
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
        _overflowedCount = 0;
    }

    private bool IsOverflowed(int typeHash)
    {
        for (var i = 0; i < _overflowedCount; i++)
        {
            if (_overflowed[i] == typeHash)
            {
                return true;
            }
        }

        return false;
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
        var mask = size - 1;
        foreach (var entry in old)
        {
            if (entry is not null)
            {
                var i = entry.Hash & mask;
                while (_slots[i] is not null)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = entry;
            }
        }
    }
}
