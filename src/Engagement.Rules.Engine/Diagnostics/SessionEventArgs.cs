using System;

namespace Engagement.Rules.Engine;

/// <summary>A fact was inserted, updated or retracted.</summary>
public sealed class FactEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="fact">The fact (for an update, the new version).</param>
    public FactEventArgs(object fact)
    {
        Fact = fact;
    }

    /// <summary>The fact (for an update, the new version).</summary>
    public object Fact { get; }
}

/// <summary>An activation was created, updated or deleted, or a rule is firing or fired.</summary>
public sealed class MatchEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="match">The match.</param>
    public MatchEventArgs(IMatch match)
    {
        Match = match;
    }

    /// <summary>The match.</summary>
    public IMatch Match { get; }
}

/// <summary>A rule condition threw; the exception is thrown to the caller after this event.</summary>
public sealed class ConditionFailedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="exception">The wrapped failure, carrying the rule id and facts.</param>
    public ConditionFailedEventArgs(RuleConditionException exception)
    {
        Exception = exception;
    }

    /// <summary>The wrapped failure, carrying the rule id and facts.</summary>
    public RuleConditionException Exception { get; }
}

/// <summary>A rule action threw; the exception is thrown from <c>Fire</c> after this event.</summary>
public sealed class ActionFailedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="match">The firing match.</param>
    /// <param name="exception">The wrapped failure, carrying the rule id and facts.</param>
    public ActionFailedEventArgs(IMatch match, RuleActionException exception)
    {
        Match = match;
        Exception = exception;
    }

    /// <summary>The firing match.</summary>
    public IMatch Match { get; }

    /// <summary>The wrapped failure, carrying the rule id and facts.</summary>
    public RuleActionException Exception { get; }
}
