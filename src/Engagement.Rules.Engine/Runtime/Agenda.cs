using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The activations waiting to fire: an array-backed binary heap ordered by priority (higher first), then rule
/// order in the compiled set, then creation order. Activations know their heap slot, so removal is O(log n).
/// </summary>
internal sealed class Agenda
{
    private Activation[] _heap = new Activation[8];

    public int Count { get; private set; }

    public static int Compare(Activation a, Activation b)
    {
        var c = b.Terminal.Priority.CompareTo(a.Terminal.Priority);
        if (c != 0)
        {
            return c;
        }

        c = a.Terminal.RuleOrder.CompareTo(b.Terminal.RuleOrder);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }

    public void Add(Activation activation)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        _heap[Count] = activation;
        activation.HeapIndex = Count;
        Count++;
        SiftUp(activation.HeapIndex);
    }

    public Activation Pop()
    {
        var top = _heap[0];
        RemoveAt(0);
        return top;
    }

    public void Remove(Activation activation)
    {
        if (activation.HeapIndex >= 0)
        {
            RemoveAt(activation.HeapIndex);
        }
    }

    public List<Activation> Snapshot()
    {
        var list = new List<Activation>(Count);
        for (var i = 0; i < Count; i++)
        {
            list.Add(_heap[i]);
        }

        list.Sort(Compare);
        return list;
    }

    private void RemoveAt(int index)
    {
        var removed = _heap[index];
        removed.HeapIndex = -1;
        Count--;
        if (index == Count)
        {
            _heap[Count] = null!;
            return;
        }

        var last = _heap[Count];
        _heap[Count] = null!;
        _heap[index] = last;
        last.HeapIndex = index;
        SiftDown(index);
        SiftUp(last.HeapIndex);
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
            _heap[index].HeapIndex = index;
            index = parent;
        }

        _heap[index] = item;
        item.HeapIndex = index;
    }

    private void SiftDown(int index)
    {
        var item = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Compare(_heap[child + 1], _heap[child]) < 0)
            {
                child++;
            }

            if (Compare(_heap[child], item) >= 0)
            {
                break;
            }

            _heap[index] = _heap[child];
            _heap[index].HeapIndex = index;
            index = child;
        }

        _heap[index] = item;
        item.HeapIndex = index;
    }
}
