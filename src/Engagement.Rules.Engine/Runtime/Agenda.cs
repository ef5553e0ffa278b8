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
    private Entry[] _heap = new Entry[16];
    private int _size;

    /// <summary>The activations waiting (stale entries excluded).</summary>
    public int Count { get; private set; }

    public void Add(Activation activation)
    {
        activation.Queued = true;
        activation.AgendaStamp++;
        Count++;
        if (_size == _heap.Length)
        {
            if (_size > 2 * Count + 32)
            {
                Compact();
            }
            else
            {
                Array.Resize(ref _heap, _heap.Length * 2);
            }
        }

        _heap[_size] = new Entry(activation);
        SiftUp(_size++);
    }

    public Activation Pop()
    {
        while (true)
        {
            var top = _heap[0];
            RemoveTop();
            if (top.IsLive)
            {
                top.Activation.Queued = false;
                Count--;
                return top.Activation;
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

    public void Clear()
    {
        Array.Clear(_heap, 0, _size);
        _size = 0;
        Count = 0;
    }

    public List<Activation> Snapshot()
    {
        var entries = new List<Entry>(Count);
        for (var i = 0; i < _size; i++)
        {
            if (_heap[i].IsLive)
            {
                entries.Add(_heap[i]);
            }
        }

        entries.Sort(static (a, b) => Compare(a, b));
        return entries.ConvertAll(static e => e.Activation);
    }

    private static int Compare(in Entry a, in Entry b)
    {
        if (a.Priority != b.Priority)
        {
            return a.Priority > b.Priority ? -1 : 1;
        }

        if (a.RuleOrder != b.RuleOrder)
        {
            return a.RuleOrder < b.RuleOrder ? -1 : 1;
        }

        return a.Sequence.CompareTo(b.Sequence);
    }

    private void RemoveTop()
    {
        _size--;
        _heap[0] = _heap[_size];
        _heap[_size] = default;
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
            if (_heap[i].IsLive)
            {
                _heap[live++] = _heap[i];
            }
        }

        Array.Clear(_heap, live, _size - live);
        _size = live;
        for (var i = (_size / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private void SiftUp(int index)
    {
        var item = _heap[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (Compare(item, _heap[parent]) >= 0)
            {
                break;
            }

            _heap[index] = _heap[parent];
            index = parent;
        }

        _heap[index] = item;
    }

    private void SiftDown(int index)
    {
        var item = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && Compare(_heap[child + 1], _heap[child]) < 0)
            {
                child++;
            }

            if (Compare(_heap[child], item) >= 0)
            {
                break;
            }

            _heap[index] = _heap[child];
            index = child;
        }

        _heap[index] = item;
    }

    /// <summary>An activation with its ordering keys; live while the activation is queued under the same stamp.</summary>
    private readonly struct Entry
    {
        public Entry(Activation activation)
        {
            Activation = activation;
            Priority = activation.Terminal.Priority;
            RuleOrder = activation.Terminal.RuleOrder;
            Sequence = activation.Sequence;
            Stamp = activation.AgendaStamp;
        }

        public Activation Activation { get; }

        public int Priority { get; }

        public int RuleOrder { get; }

        public long Sequence { get; }

        public int Stamp { get; }

        public bool IsLive => Activation.Queued && Activation.AgendaStamp == Stamp;
    }
}
