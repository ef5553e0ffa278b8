using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Finds a fact's working-memory entry by its identity: <see cref="IFactIdentity.FactIdentity"/> (value equality)
/// when the fact has one, else the reference. A fact's identity and its hash are computed once, when it is
/// inserted, and kept in its entry, so a lookup hashes only the probe. Up to <see cref="ScanLimit"/> facts the
/// entries are scanned; beyond, an open-addressing table over those stored hashes is built (no identity is
/// hashed twice), and kept, emptied, by a pooled session state.
/// </summary>
internal sealed class FactLookup
{
    public const int ScanLimit = 8;

    /// <summary>Stands for a null <see cref="IFactIdentity.FactIdentity"/>.</summary>
    private static readonly object NullIdentity = new();

    private FactEntry?[] _slots = [];
    private int _count;
    private bool _indexed;

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

    /// <summary>The hash a fact is filed under: its identity's, or its reference's.</summary>
    public static int HashOf(object fact, object? identity) =>
        identity?.GetHashCode() ?? System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(fact);

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

        for (var entry = first; entry is not null; entry = entry.Next)
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

    /// <summary>Files an entry; false when one standing for the same fact is there (or the table is not built).</summary>
    public bool TryAdd(FactEntry entry)
    {
        if (!_indexed)
        {
            return true;
        }

        Grow(_count + 1);
        var mask = _slots.Length - 1;
        var i = entry.Hash & mask;
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
