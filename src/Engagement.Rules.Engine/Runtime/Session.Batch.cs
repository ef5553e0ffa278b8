using System;
using System.Collections.Generic;
using System.Numerics;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Inserting a batch as one change: every fact is stored in the alpha memories it reaches first, then each join
/// those memories feed meets the batch's facts, most downstream join first. A token made upstream afterwards
/// finds the whole batch already in the memories below, so it is joined once, and no join works on a fact whose
/// partners have simply not been inserted yet (inserted one by one, a customer's vehicle would first be offered
/// a service it then turns out to have had, the match made and unmade).
/// </summary>
internal sealed partial class Session
{
    // Per alpha memory, the batch's facts that reached it: a list threaded through the pair arrays (-1 ends it).
    private int[] _batchHead = [];
    private int[] _batchTail = [];
    private int[] _pairFact = new int[32];
    private int[] _pairNext = new int[32];
    private int[] _touchedMemories = new int[16];
    private ulong[] _joinsDue = [];

    private void InsertBatch(List<FactEntry> entries)
    {
        var memories = Network.AlphaMemories;
        if (_batchHead.Length != memories.Length)
        {
            _batchHead = new int[memories.Length];
            _batchTail = new int[memories.Length];
            Array.Fill(_batchHead, -1);
            _joinsDue = new ulong[(Network.JoinsDownstreamFirst.Length + 63) / 64];
        }

        var touched = 0;
        BeginOperation();
        try
        {
            var pairs = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                AddToWorkingMemory(entry);
                StoreInAlpha(entry);
                for (var r = 0; r < _reachedCount; r++)
                {
                    var memoryId = _reached[r];
                    if (pairs == _pairFact.Length)
                    {
                        Array.Resize(ref _pairFact, pairs * 2);
                        Array.Resize(ref _pairNext, pairs * 2);
                    }

                    _pairFact[pairs] = i;
                    _pairNext[pairs] = -1;
                    if (_batchHead[memoryId] < 0)
                    {
                        _batchHead[memoryId] = pairs;
                        if (touched == _touchedMemories.Length)
                        {
                            Array.Resize(ref _touchedMemories, touched * 2);
                        }

                        _touchedMemories[touched++] = memoryId;
                    }
                    else
                    {
                        _pairNext[_batchTail[memoryId]] = pairs;
                    }

                    _batchTail[memoryId] = pairs++;
                }
            }

            for (var t = 0; t < touched; t++)
            {
                foreach (var join in memories[_touchedMemories[t]].Successors)
                {
                    _joinsDue[join.BatchOrder >> 6] |= 1UL << join.BatchOrder;
                }
            }

            var joins = Network.JoinsDownstreamFirst;
            for (var w = 0; w < _joinsDue.Length; w++)
            {
                while (_joinsDue[w] != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(_joinsDue[w]);
                    _joinsDue[w] &= _joinsDue[w] - 1;
                    var join = joins[(w << 6) + bit];

                    // Without tokens on its left (the usual case below a rule's first pattern when the session
                    // starts), the join has nothing to meet: the tokens made upstream will find the facts.
                    if (PeekMemory(join.Parent!.MemorySlot) is not { Count: > 0 })
                    {
                        continue;
                    }

                    for (var p = _batchHead[join.AlphaMemory.Id]; p >= 0; p = _pairNext[p])
                    {
                        join.RightActivate(this, entries[_pairFact[p]]);
                    }
                }
            }
        }
        catch (Exception ex) when (Faulting(ex))
        {
            throw;
        }
        finally
        {
            ClearBatch(touched);
            EndOperation();
        }
    }

    // A method of its own: a loop inside a finally (or catch) block keeps the runtime from compiling the method in
    // tiers (on-stack replacement cannot enter such a loop), so InsertBatch was compiled once, fully optimised but
    // without the profile the second tier uses (devirtualised calls, hot paths laid out first).
    private void ClearBatch(int touched)
    {
        for (var t = 0; t < touched; t++)
        {
            _batchHead[_touchedMemories[t]] = -1;
        }

        Array.Clear(_joinsDue);
    }
}
