using System;

namespace Engagement.Rules.Engine;

/// <summary>A fact was inserted, updated or retracted.</summary>
public sealed class FactEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="fact">The fact (for an update, the new version).</param>
    internal FactEventArgs(object fact)
    {
        Fact = fact;
    }

    /// <summary>The fact (for an update, the new version).</summary>
    public object Fact { get; }
}
