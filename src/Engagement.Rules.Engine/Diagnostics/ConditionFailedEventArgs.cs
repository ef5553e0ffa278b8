using System;

namespace Engagement.Rules.Engine;

/// <summary>A rule condition, or a let's or an aggregate's value, threw; the exception is thrown to the caller after this event.</summary>
public sealed class ConditionFailedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="exception">The wrapped failure, carrying the rule id and facts.</param>
    internal ConditionFailedEventArgs(RuleConditionException exception)
    {
        Exception = exception;
    }

    /// <summary>The wrapped failure, carrying the rule id, the facts and the expression that threw.</summary>
    public RuleConditionException Exception { get; }
}
