using System;

namespace Engagement.Rules.Engine.Model;

/// <summary>Holds when its source element has no match (negation as failure).</summary>
public sealed class NotElement : RuleElement
{
    /// <summary>Creates a negation.</summary>
    /// <param name="source">The element that must not match; may refer to earlier declarations.</param>
    public NotElement(RuleElement source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>The element that must not match.</summary>
    public RuleElement Source { get; }
}
