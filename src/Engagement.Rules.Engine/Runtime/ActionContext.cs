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

    /// <summary>Facts linked by the previous firing of the activation, not yet produced again by this firing.</summary>
    public List<FactEntry>? PreviousLinked { get; private set; }

    public IMatch Match => Current.Expose();

    // Read through the activation without handing it out: it can then serve a later session on this state.
    public RuleDefinition Rule => Current.Rule;

    public IReadOnlyList<object> Facts => Current.Facts;

    public object? GetValue(Declaration declaration) => Current.GetValue(declaration);

    private Activation Current => _activation ?? throw new InvalidOperationException("No rule is firing.");

    public void Begin(Activation activation, List<FactEntry>? previousLinked)
    {
        _activation = activation;
        PreviousLinked = previousLinked;
    }

    public void End()
    {
        _activation = null;
        PreviousLinked = null;
    }

    /// <summary>
    /// The firing match went away and came back within one operation of its own action (the same match, see
    /// <see cref="Session.AddToAgenda"/>): the rest of the firing belongs to the revived activation.
    /// </summary>
    public void Revived(Activation old, Activation revived)
    {
        if (ReferenceEquals(_activation, old))
        {
            _activation = revived;
        }
    }

    public void Insert(object fact) => _session.Insert(fact);

    public Exception ValueFailed(string name, string? text, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(exception);
        return new ActionValueException(name, text, exception);
    }

    public bool TryInsert(object fact) => _session.TryInsert(fact);

    public void InsertLinked(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var activation = _activation ?? throw new InvalidOperationException("No rule is firing.");
        if (activation.Removed)
        {
            // The match is already gone: a fact linked to it would have to be retracted at once.
            return;
        }

        _session.InsertLinked(fact, activation, PreviousLinked);
    }

    public void Update(object fact) => _session.Update(fact);

    public bool TryUpdate(object fact) => _session.TryUpdate(fact);

    public void Retract(object fact) => _session.Retract(fact);

    public bool TryRetract(object fact) => _session.TryRetract(fact);

    public void Halt() => _session.Halt();
}
