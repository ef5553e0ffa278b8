using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The activations waiting to fire, in firing order: priority (higher first), then rule order in the compiled set,
/// then creation order. Activations of one rule are already in creation order as they arrive, so each rule has a
/// queue, and a binary heap orders only the rules that have activations waiting: adding and popping cost a
/// comparison among rules, not among activations, so a session of thousands of customers (tens of thousands of
/// activations) keeps its agenda work per activation flat instead of paying a cache miss per heap level.
/// Removal is lazy: the activation is marked and skipped when its queue reaches it (a queue is compacted when
/// stale entries outnumber live ones).
/// </summary>
internal sealed class Agenda
{
    private RuleQueue?[] _queues = new RuleQueue?[16];
    private RuleQueue[] _heap = new RuleQueue[16];
    private int _heapSize;

    // At least the largest capacity of any queue: only when it is past the limit do the idle queues need a look.
    private int _largestQueue;

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
        var queue = QueueOf(activation);
        queue.Add(activation);
        _largestQueue = Math.Max(_largestQueue, queue.Capacity);
        if (!queue.InHeap)
        {
            Push(queue);
        }
    }

    public Activation Pop()
    {
        while (true)
        {
            var queue = _heap[0];
            var activation = queue.TakeFirstLive();
            if (queue.IsEmpty)
            {
                RemoveTop();
            }

            if (activation is not null)
            {
                activation.Queued = false;
                Count--;
                return activation;
            }
        }
    }

    public void Remove(Activation activation)
    {
        if (activation.Queued)
        {
            activation.Queued = false;
            Count--;
            _queues[activation.Terminal.RuleOrder]!.Live--;
        }
    }

    /// <summary>Empties the agenda for the next session; queues grown past <paramref name="retain"/> entries are let go.</summary>
    public void Clear(int retain)
    {
        // Queues not on the heap are empty; they need a look only when one of them may have grown past the limit.
        var kept = Math.Max(RuleQueue.InitialCapacity, retain);
        if (_largestQueue > kept)
        {
            foreach (var queue in _queues)
            {
                queue?.Clear(retain);
            }

            _largestQueue = kept;
        }
        else
        {
            for (var i = 0; i < _heapSize; i++)
            {
                _heap[i].Clear(retain);
            }
        }

        Array.Clear(_heap, 0, _heapSize);
        _heapSize = 0;
        Count = 0;
    }

    public List<Activation> Snapshot()
    {
        var live = new List<Activation>(Count);
        for (var i = 0; i < _heapSize; i++)
        {
            _heap[i].CopyLive(live);
        }

        live.Sort(static (a, b) =>
        {
            var order = RuleQueue.KeyOf(a).CompareTo(RuleQueue.KeyOf(b));
            return order != 0 ? order : a.Sequence.CompareTo(b.Sequence);
        });
        return live;
    }

    private RuleQueue QueueOf(Activation activation)
    {
        var order = activation.Terminal.RuleOrder;
        if (order >= _queues.Length)
        {
            Array.Resize(ref _queues, Math.Max(order + 1, _queues.Length * 2));
        }

        return _queues[order] ??= new RuleQueue(RuleQueue.KeyOf(activation));
    }

    private void Push(RuleQueue queue)
    {
        if (_heapSize == _heap.Length)
        {
            Array.Resize(ref _heap, _heapSize * 2);
        }

        queue.InHeap = true;
        var index = _heapSize++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (_heap[parent].Key <= queue.Key)
            {
                break;
            }

            _heap[index] = _heap[parent];
            index = parent;
        }

        _heap[index] = queue;
    }

    private void RemoveTop()
    {
        _heap[0].InHeap = false;
        var last = _heap[--_heapSize];
        _heap[_heapSize] = null!;
        if (_heapSize == 0)
        {
            return;
        }

        var index = 0;
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _heapSize)
            {
                break;
            }

            if (child + 1 < _heapSize && _heap[child + 1].Key < _heap[child].Key)
            {
                child++;
            }

            if (_heap[child].Key >= last.Key)
            {
                break;
            }

            _heap[index] = _heap[child];
            index = child;
        }

        _heap[index] = last;
    }

    /// <summary>The activations of one rule waiting to fire, in creation order, with their firing-order key.</summary>
    private sealed class RuleQueue
    {
        public const int InitialCapacity = 8;

        private Activation[] _items = new Activation[InitialCapacity];
        private int _head;
        private int _tail;

        public RuleQueue(long key) => Key = key;

        /// <summary>Priority (inverted, so higher fires first) and rule order packed into one number.</summary>
        public long Key { get; }

        public bool InHeap;

        /// <summary>Entries not yet removed (the rest are stale, skipped when reached).</summary>
        public int Live;

        public bool IsEmpty => _head == _tail;

        public int Capacity => _items.Length;

        public static long KeyOf(Activation activation) =>
            ((long)~activation.Terminal.Priority << 32) | (uint)activation.Terminal.RuleOrder;

        public void Add(Activation activation)
        {
            if (_tail == _items.Length)
            {
                MakeRoom();
            }

            // Activations arrive in creation order, except one revived within an operation, which keeps its place.
            var at = _tail;
            while (at > _head && _items[at - 1].Sequence > activation.Sequence)
            {
                _items[at] = _items[at - 1];
                at--;
            }

            _items[at] = activation;
            _tail++;
            Live++;
        }

        /// <summary>Dequeues up to and including the first live activation; null when only stale ones were left.</summary>
        public Activation? TakeFirstLive()
        {
            while (_head < _tail)
            {
                var activation = _items[_head];
                _items[_head++] = null!;
                if (activation.Queued)
                {
                    Live--;
                    if (_head == _tail)
                    {
                        _head = _tail = 0;
                    }

                    return activation;
                }
            }

            _head = _tail = 0;
            return null;
        }

        public void CopyLive(List<Activation> into)
        {
            for (var i = _head; i < _tail; i++)
            {
                if (_items[i].Queued)
                {
                    into.Add(_items[i]);
                }
            }
        }

        public void Clear(int retain)
        {
            if (_items.Length > Math.Max(InitialCapacity, retain))
            {
                _items = new Activation[InitialCapacity];
            }
            else
            {
                Array.Clear(_items, _head, _tail - _head);
            }

            _head = _tail = 0;
            Live = 0;
            InHeap = false;
        }

        /// <summary>Slides the entries to the front, dropping stale ones when they outnumber live ones, or grows.</summary>
        private void MakeRoom()
        {
            var count = _tail - _head;
            if (count - Live > Live)
            {
                var live = 0;
                for (var i = _head; i < _tail; i++)
                {
                    if (_items[i].Queued)
                    {
                        _items[live++] = _items[i];
                    }
                }

                Array.Clear(_items, live, _tail - live);
                _head = 0;
                _tail = live;
            }
            else if (_head > 0)
            {
                Array.Copy(_items, _head, _items, 0, count);
                Array.Clear(_items, count, _tail - count);
                _head = 0;
                _tail = count;
            }

            if (_tail == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }
        }
    }
}
