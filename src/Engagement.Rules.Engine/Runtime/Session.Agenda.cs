using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>Activations: created, revived within an operation, removed; the agenda they wait on.</summary>
internal sealed partial class Session
{
    /// <summary>A complete match: an activation below the token that reached the terminal (see <see cref="TerminalNode.LeftActivate"/>).</summary>
    public void CreateActivation(TerminalNode terminal, Token parent)
    {
        var activation = NewActivation(parent, null, terminal.Id, terminal);
        parent.AddChild(activation);
        AddToAgenda(activation);
    }

    /// <summary>
    /// A complete match made by a join right above its terminal (<see cref="JoinNode.Terminal"/>): the activation is
    /// the join's token too, so it counts as a partial match of the join and is linked from its fact.
    /// </summary>
    public void CreateActivation(TerminalNode terminal, Token parent, FactEntry fact, int joinId)
    {
        CountPartialMatch(joinId);
        var activation = NewActivation(parent, fact, joinId, terminal);
        parent.AddChild(activation);
        fact.AddToken(activation);
        AddToAgenda(activation);
    }

    /// <summary>Puts a new activation on the agenda, or revives the match it repeats within the operation.</summary>
    private void AddToAgenda(Activation activation)
    {
        if (_stash is { Count: > 0 })
        {
            for (var i = 0; i < _stash.Count; i++)
            {
                var old = _stash[i];
                if (!activation.SameMatchAs(old, _updating?.Object))
                {
                    continue;
                }

                _stash.RemoveAt(i);
                activation.Linked = old.Linked;

                // The match firing now came back: the rest of its actions link their facts to it, not to the dead one.
                _context?.Revived(old, activation);

                // The match is the same; it changed only if the updated fact is one of its own facts (a fact
                // seen only through not/exists/an unchanged aggregate leaves the match as it was).
                var changed = _updating is not null && activation.Contains(_updating);
                if (!old.Fired)
                {
                    activation.Sequence = old.Sequence;
                    _agenda.Add(activation);
                }
                else if (changed && activation.Rule.Repeatability == RuleRepeatability.Repeatable)
                {
                    _agenda.Add(activation);
                }
                else
                {
                    activation.Fired = true;
                }

                if (changed)
                {
                    _events?.OnActivationUpdated(Handle, activation);
                }

                return;
            }
        }

        _agenda.Add(activation);
        _events?.OnActivationCreated(Handle, activation);
    }

    public void OnActivationRemoved(Activation activation)
    {
        _agenda.Remove(activation);

        // Kept until the operation ends: a match that goes away and comes back within one operation (an update,
        // or a fact that both adds and removes a witness of a not/exists) is the same match, not a new one.
        if (_depth > 0)
        {
            (_stash ??= new List<Activation>()).Add(activation);
            return;
        }

        DeleteActivation(activation);
    }

    private void DeleteActivation(Activation activation)
    {
        _events?.OnActivationDeleted(Handle, activation);
        if (activation.Linked is { Count: > 0 } linked)
        {
            activation.Linked = null;
            for (var i = 0; i < linked.Count; i++)
            {
                Drop(linked[i]);
            }
        }
    }

    private void FlushStash()
    {
        if (_stash is not { Count: > 0 } stash)
        {
            return;
        }

        var count = stash.Count;
        for (var i = 0; i < count; i++)
        {
            DeleteActivation(stash[i]);
        }

        stash.RemoveRange(0, count);
    }
}
