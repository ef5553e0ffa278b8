using System.Collections.Generic;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Finds a fact's working-memory entry by its identity: <see cref="IFactIdentity.FactIdentity"/> (value equality)
/// when the fact has one, else the reference. A fact's identity is computed once, when it is inserted, and kept in
/// its entry: a lookup computes only the probe's. Up to <see cref="ScanLimit"/> facts the entries are scanned;
/// beyond, two dictionaries (identities, references) are built, and kept, emptied, by a pooled session state.
/// </summary>
internal sealed class FactLookup
{
    public const int ScanLimit = 32;

    /// <summary>Stands for a null <see cref="IFactIdentity.FactIdentity"/> (dictionaries refuse null keys).</summary>
    private static readonly object NullIdentity = new();

    private Dictionary<object, FactEntry>? _byIdentity;
    private Dictionary<object, FactEntry>? _byReference;
    private bool _indexed;

    /// <summary>The identity of a fact: its <see cref="IFactIdentity.FactIdentity"/>, or null when it is found by reference.</summary>
    public static object? IdentityOf(object fact) => fact is IFactIdentity identity ? identity.FactIdentity ?? NullIdentity : null;

    /// <summary>The entry standing for the same fact as <paramref name="probe"/> (not yet inserted); null when absent.</summary>
    public FactEntry? Find(FactEntry probe, FactEntry? first)
    {
        if (_indexed)
        {
            return probe.Identity is not null ? _byIdentity!.GetValueOrDefault(probe.Identity) : _byReference!.GetValueOrDefault(probe.Object);
        }

        for (var entry = first; entry is not null; entry = entry.Next)
        {
            if (probe.SameFactAs(entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The entry of a fact; null when absent.</summary>
    public FactEntry? Find(object fact, FactEntry? first)
    {
        var identity = IdentityOf(fact);
        if (_indexed)
        {
            return identity is not null ? _byIdentity!.GetValueOrDefault(identity) : _byReference!.GetValueOrDefault(fact);
        }

        if (identity is null)
        {
            for (var entry = first; entry is not null; entry = entry.Next)
            {
                if (ReferenceEquals(entry.Object, fact))
                {
                    return entry;
                }
            }

            return null;
        }

        var hash = identity.GetHashCode();
        for (var entry = first; entry is not null; entry = entry.Next)
        {
            if (entry.Identity is not null && entry.IdentityHash == hash && identity.Equals(entry.Identity))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Builds the dictionaries once the facts outgrow a scan (or a batch will), sized for <paramref name="capacity"/>.</summary>
    public void EnsureIndexed(int capacity, FactEntry? first)
    {
        if (!_indexed)
        {
            _byIdentity ??= new Dictionary<object, FactEntry>(capacity);
            _byReference ??= new Dictionary<object, FactEntry>(capacity, ReferenceEqualityComparer.Instance);
            _indexed = true;
            for (var entry = first; entry is not null; entry = entry.Next)
            {
                TryAdd(entry);
            }
        }

        _byIdentity!.EnsureCapacity(capacity);
        _byReference!.EnsureCapacity(capacity);
    }

    public bool IsIndexed => _indexed;

    /// <summary>Adds an entry (its <see cref="FactEntry.Identity"/> set); false when one with the same identity is there.</summary>
    public bool TryAdd(FactEntry entry) =>
        !_indexed || (entry.Identity is not null ? _byIdentity!.TryAdd(entry.Identity, entry) : _byReference!.TryAdd(entry.Object, entry));

    public void Remove(FactEntry entry)
    {
        if (_indexed)
        {
            _ = entry.Identity is not null ? _byIdentity!.Remove(entry.Identity) : _byReference!.Remove(entry.Object);
        }
    }

    /// <summary>Empties the lookup for the next session on a pooled state (the dictionaries keep their capacity).</summary>
    public void Clear()
    {
        _byIdentity?.Clear();
        _byReference?.Clear();
        _indexed = false;
    }
}
