using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>The context handed to actions; one per session, re-pointed at each firing activation.</summary>
internal sealed class ActionContext : IActionContext
{
    private readonly Session _session;
    private Activation? _activation;

    public ActionContext(Session session)
    {
        _session = session;
    }

    /// <summary>Facts linked by the previous firing of the activation, not yet replaced by this firing.</summary>
    public List<object>? PreviousLinked { get; set; }

    public IMatch Match => Current.Expose();

    // Read through the activation without handing it out: it can then serve a later session on this state.
    public RuleDefinition Rule => Current.Rule;

    public IReadOnlyList<object> Facts => Current.Facts;

    public object? GetValue(Declaration declaration) => Current.GetValue(declaration);

    private Activation Current => _activation ?? throw new InvalidOperationException("No rule is firing.");

    public void Begin(Activation activation, List<object>? previousLinked)
    {
        _activation = activation;
        PreviousLinked = previousLinked;
    }

    public void End()
    {
        _activation = null;
        PreviousLinked = null;
    }

    public void Insert(object fact) => _session.Insert(fact);

    public void InsertLinked(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var activation = _activation ?? throw new InvalidOperationException("No rule is firing.");
        if (activation.Removed)
        {
            // The match is already gone: a fact linked to it would have to be retracted at once.
            return;
        }

        var previous = PreviousLinked;
        if (previous is not null)
        {
            for (var i = 0; i < previous.Count; i++)
            {
                if (FactLookup.SameFact(previous[i], fact))
                {
                    previous.RemoveAt(i);
                    (activation.Linked ??= new List<object>()).Add(fact);
                    if (!_session.TryUpdate(fact))
                    {
                        _session.Insert(fact);
                    }

                    return;
                }
            }
        }

        _session.Insert(fact);
        (activation.Linked ??= new List<object>()).Add(fact);
    }

    public void Update(object fact) => _session.Update(fact);

    public void Retract(object fact) => _session.Retract(fact);

    public void Halt() => _session.Halt();
}
