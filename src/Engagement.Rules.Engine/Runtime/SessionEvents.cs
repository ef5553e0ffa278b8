using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// The events of one session; created only when someone asks for them. A match is exposed (see
/// <see cref="Activation.Expose"/>) only when a handler receives it.
/// </summary>
internal sealed class SessionEvents : ISessionEvents
{
    public event EventHandler<FactEventArgs>? FactInserted;

    public event EventHandler<FactEventArgs>? FactUpdated;

    public event EventHandler<FactEventArgs>? FactRetracted;

    public event EventHandler<MatchEventArgs>? ActivationCreated;

    public event EventHandler<MatchEventArgs>? ActivationUpdated;

    public event EventHandler<MatchEventArgs>? ActivationDeleted;

    public event EventHandler<MatchEventArgs>? RuleFiring;

    public event EventHandler<MatchEventArgs>? RuleFired;

    public event EventHandler<ConditionFailedEventArgs>? ConditionFailed;

    public event EventHandler<ActionFailedEventArgs>? ActionFailed;

    public void OnFactInserted(object sender, object fact) => FactInserted?.Invoke(sender, new FactEventArgs(fact));

    public void OnFactUpdated(object sender, object fact) => FactUpdated?.Invoke(sender, new FactEventArgs(fact));

    public void OnFactRetracted(object sender, object fact) => FactRetracted?.Invoke(sender, new FactEventArgs(fact));

    public void OnActivationCreated(object sender, Activation match) => ActivationCreated?.Invoke(sender, new MatchEventArgs(match.Expose()));

    public void OnActivationUpdated(object sender, Activation match) => ActivationUpdated?.Invoke(sender, new MatchEventArgs(match.Expose()));

    public void OnActivationDeleted(object sender, Activation match) => ActivationDeleted?.Invoke(sender, new MatchEventArgs(match.Expose()));

    public void OnRuleFiring(object sender, Activation match) => RuleFiring?.Invoke(sender, new MatchEventArgs(match.Expose()));

    public void OnRuleFired(object sender, Activation match) => RuleFired?.Invoke(sender, new MatchEventArgs(match.Expose()));

    public void OnConditionFailed(object sender, RuleConditionException exception) => ConditionFailed?.Invoke(sender, new ConditionFailedEventArgs(exception));

    public void OnActionFailed(object sender, Activation match, RuleActionException exception) => ActionFailed?.Invoke(sender, new ActionFailedEventArgs(match.Expose(), exception));
}
