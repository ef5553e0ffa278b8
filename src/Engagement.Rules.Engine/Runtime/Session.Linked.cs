using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Linked facts (truth maintenance): a fact inserted linked is supported by the matches that produced it and
/// retracted when the last of them goes; a stated fact (inserted plainly) is never retracted by the engine.
/// </summary>
internal sealed partial class Session
{
    /// <summary>
    /// Inserts a fact linked to a firing activation (see <see cref="IActionContext.InsertLinked"/>). A fact that the
    /// previous firing of the same match linked is kept (a new version replaces it); one already linked by another
    /// match gains this one as a further support; a stated one is left as it is.
    /// </summary>
    /// <param name="fact">The fact.</param>
    /// <param name="activation">The firing activation, still a match.</param>
    /// <param name="previous">The facts the previous firing of the match linked that this firing has not produced yet.</param>
    public void InsertLinked(object fact, Activation activation, List<FactEntry>? previous)
    {
        var type = _types.Of(fact);
        var identity = type.IdentityOf(fact);
        if (previous is not null)
        {
            for (var i = 0; i < previous.Count; i++)
            {
                var entry = previous[i];
                if (!entry.Is(fact, identity))
                {
                    continue;
                }

                previous.RemoveAt(i);
                if (!entry.Removed && entry.Supports > 0)
                {
                    // Still supported by this match (the support moves back from the previous firing's list).
                    (activation.Linked ??= new List<FactEntry>()).Add(entry);
                    Update(entry, fact);
                    return;
                }

                // Retracted or stated since: the previous support is void, and the fact is inserted as if new.
                break;
            }
        }

        // A fact already there gains this match as a further support when it is linked (a stated one stays as it is).
        if (InsertUnlessPresent(fact, type, identity, activation) is { Supports: > 0 } existing && !(activation.Linked?.Contains(existing) ?? false))
        {
            existing.Supports++;
            (activation.Linked ??= new List<FactEntry>()).Add(existing);
        }
    }

    /// <summary>Takes one match's support from each of the facts (in one operation); those left unsupported are retracted.</summary>
    public void Unsupport(List<FactEntry> entries)
    {
        BeginOperation();
        try
        {
            for (var i = 0; i < entries.Count; i++)
            {
                Drop(entries[i]);
            }
        }
        catch (Exception ex) when (Faulting(ex))
        {
            throw;
        }
        finally
        {
            EndOperation();
        }
    }

    /// <summary>Takes one support from a linked fact; the last one gone, it is retracted when the operation ends.</summary>
    private void Drop(FactEntry entry)
    {
        if (!entry.Removed && entry.Supports > 0 && --entry.Supports == 0)
        {
            (_pendingRetracts ??= new List<FactEntry>()).Add(entry);
        }
    }

    /// <summary>
    /// Updates a fact's entry with a new version, as one operation: for <see cref="TryUpdate"/> and for a linked fact
    /// produced again by the same match.
    /// </summary>
    private void Update(FactEntry entry, object fact)
    {
        BeginOperation();
        try
        {
            UpdateCore(entry, fact);
        }
        catch (Exception ex) when (Faulting(ex))
        {
            throw;
        }
        finally
        {
            EndOperation();
        }
    }
}
