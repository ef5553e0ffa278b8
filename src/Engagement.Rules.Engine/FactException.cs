using System;

namespace Engagement.Rules.Engine;

/// <summary>A fact operation that cannot be carried out: a duplicate insert, or an update or retract of an unknown fact.</summary>
public sealed class FactException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fact">The fact concerned.</param>
    /// <param name="message">The message.</param>
    public FactException(object fact, string message)
        : base(message)
    {
        Fact = fact;
    }

    /// <summary>The fact concerned.</summary>
    public object Fact { get; }
}
