using System;

namespace Engagement.Rules.Engine;

/// <summary>A rule action threw; the exception is thrown from <c>Fire</c> after this event.</summary>
public sealed class ActionFailedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="match">The firing match.</param>
    /// <param name="exception">The wrapped failure, carrying the rule id and facts.</param>
    internal ActionFailedEventArgs(IMatch match, RuleActionException exception)
    {
        Match = match;
        Exception = exception;
    }

    /// <summary>The firing match.</summary>
    public IMatch Match { get; }

    /// <summary>The wrapped failure, carrying the rule id and facts.</summary>
    public RuleActionException Exception { get; }
}
