using System;

namespace Engagement.Rules.Engine;

/// <summary>An activation was created, updated or deleted, or a rule is firing or fired.</summary>
public sealed class MatchEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="match">The match.</param>
    internal MatchEventArgs(IMatch match)
    {
        Match = match;
    }

    /// <summary>The match.</summary>
    public IMatch Match { get; }
}
