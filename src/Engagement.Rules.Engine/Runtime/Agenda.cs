using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The activations waiting to fire: a binary heap ordered by priority (higher first), then rule order in the
/// compiled set, then creation order. The ordering keys are copied into the heap's own array, so sifting never
/// touches the activations themselves: with thousands of activations scattered in memory, that is what keeps
/// an agenda operation from costing a cache miss per level. Removal is lazy: the activation is marked and its
/// entry skipped when it reaches the top (the heap is compacted when stale entries outnumber live ones).
/// </summary>
internal sealed class Agenda
{
    // Keys and activations in two parallel arrays: 16 + 8 bytes per entry, so a session's agenda stays off the
    // large-object heap (whose allocations trigger full collections) up to a few thousand activations.
    private Key[] _keys = new Key[16];
    private Activation[] _items = new Activation[16];
    private int _size;

    /// <summary>The activations waiting (stale entries excluded).</summary>
    public int Count { get; private set; }

    public void Add(Activation activation)
    {
        if (activation.Queued || activation.WasQueued)
        {
            throw new InvalidOperationException("An activation is put on the agenda once.");
        }

        activation.Queued = true;
        activation.WasQueued = true;
        Count++;
        if (_size == _keys.Length)
        {
            if (_size > 2 * Count + 32)
            {
                Compact();
            }
            else
            {
                Array.Resize(ref _keys, _keys.Length * 2);
                Array.Resize(ref _items, _items.Length * 2);
            }
        }

        _keys[_size] = new Key(activation);
        _items[_size] = activation;
        SiftUp(_size++);
    }

    public Activation Pop()
    {
        while (true)
        {
            var top = _items[0];
            RemoveTop();
            if (top.Queued)
            {
                top.Queued = false;
                Count--;
                return top;
            }
        }
    }

    public void Remove(Activation activation)
    {
        if (activation.Queued)
        {
            activation.Queued = false;
            Count--;
        }
    }

    /// <summary>Empties the agenda for the next session; arrays grown past <paramref name="retain"/> entries are let go.</summary>
    public void Clear(int retain)
    {
        if (_keys.Length > Math.Max(16, retain))
        {
            _keys = new Key[16];
            _items = new Activation[16];
        }
        else
        {
            Array.Clear(_items, 0, _size);
        }

        _size = 0;
        Count = 0;
    }

    public List<Activation> Snapshot()
    {
        var live = new List<(Key Key, Activation Activation)>(Count);
        for (var i = 0; i < _size; i++)
        {
            if (_items[i].Queued)
            {
                live.Add((_keys[i], _items[i]));
            }
        }

        live.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return live.ConvertAll(static e => e.Activation);
    }

    private void RemoveTop()
    {
        _size--;
        _keys[0] = _keys[_size];
        _items[0] = _items[_size];
        _items[_size] = null!;
        if (_size > 0)
        {
            SiftDown(0);
        }
    }

    /// <summary>Drops the stale entries and rebuilds the heap.</summary>
    private void Compact()
    {
        var live = 0;
        for (var i = 0; i < _size; i++)
        {
            if (_items[i].Queued)
            {
                _keys[live] = _keys[i];
                _items[live] = _items[i];
                live++;
            }
        }

        Array.Clear(_items, live, _size - live);
        _size = live;
        for (var i = (_size / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private void SiftUp(int index)
    {
        var key = _keys[index];
        var item = _items[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (key.CompareTo(_keys[parent]) >= 0)
            {
                break;
            }

            _keys[index] = _keys[parent];
            _items[index] = _items[parent];
            index = parent;
        }

        _keys[index] = key;
        _items[index] = item;
    }

    private void SiftDown(int index)
    {
        var key = _keys[index];
        var item = _items[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && _keys[child + 1].CompareTo(_keys[child]) < 0)
            {
                child++;
            }

            if (_keys[child].CompareTo(key) >= 0)
            {
                break;
            }

            _keys[index] = _keys[child];
            _items[index] = _items[child];
            index = child;
        }

        _keys[index] = key;
        _items[index] = item;
    }

    /// <summary>
    /// The firing order of an activation in two integers: priority (inverted, so higher fires first) and rule order
    /// packed in one, then the creation sequence.
    /// </summary>
    private readonly struct Key
    {
        private readonly long _order;
        private readonly long _sequence;

        public Key(Activation activation)
        {
            _order = ((long)~activation.Terminal.Priority << 32) | (uint)activation.Terminal.RuleOrder;
            _sequence = activation.Sequence;
        }

        public int CompareTo(in Key other) =>
            _order != other._order ? (_order < other._order ? -1 : 1) : _sequence.CompareTo(other._sequence);
    }
}
