using System;

namespace Engagement.Rules.Engine;

/// <summary>
/// Diagnostic events of a session, raised synchronously in the order things happen. A session with no
/// subscriber pays nothing for them. The sender is the session.
/// </summary>
/// <remarks>
/// Most events are raised while an operation propagates a change: a handler may read (<see cref="ISession.Query{T}"/>)
/// but any other call on the session from it (insert, update, retract, fire, <see cref="ISession.GetAgenda"/>, dispose)
/// throws <see cref="InvalidOperationException"/>. <see cref="RuleFiring"/> and <see cref="RuleFired"/> are raised
/// between propagations: a handler of theirs may change the session as a rule action does. A handler that throws
/// in the middle of a propagation leaves the session half-updated: every later call but dispose then throws
/// <see cref="InvalidOperationException"/>.
/// </remarks>
public interface ISessionEvents
{
    /// <summary>A fact was inserted.</summary>
    event EventHandler<FactEventArgs>? FactInserted;

    /// <summary>A fact was updated (the new version is carried).</summary>
    event EventHandler<FactEventArgs>? FactUpdated;

    /// <summary>A fact was retracted.</summary>
    event EventHandler<FactEventArgs>? FactRetracted;

    /// <summary>A new match was put on the agenda.</summary>
    event EventHandler<MatchEventArgs>? ActivationCreated;

    /// <summary>A fact of an existing match was updated: the match is kept (and re-activated if the rule is repeatable).</summary>
    event EventHandler<MatchEventArgs>? ActivationUpdated;

    /// <summary>A match went away (fired or not).</summary>
    event EventHandler<MatchEventArgs>? ActivationDeleted;

    /// <summary>A rule is about to fire.</summary>
    event EventHandler<MatchEventArgs>? RuleFiring;

    /// <summary>A rule fired (all its actions ran).</summary>
    event EventHandler<MatchEventArgs>? RuleFired;

    /// <summary>A condition, or a let's or an aggregate's value, threw (<see cref="RuleConditionException"/>).</summary>
    event EventHandler<ConditionFailedEventArgs>? ConditionFailed;

    /// <summary>An action threw.</summary>
    event EventHandler<ActionFailedEventArgs>? ActionFailed;
}
