using System;

namespace Engagement.Rules.Engine.Model;

/// <summary>Holds once when its source element has at least one match, however many there are.</summary>
public sealed class ExistsElement : RuleElement
{
    /// <summary>Creates an existential test.</summary>
    /// <param name="source">The element that must match at least once; may refer to earlier declarations.</param>
    public ExistsElement(RuleElement source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>The element that must match at least once.</summary>
    public RuleElement Source { get; }
}
