using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

/// <summary>All child elements must hold; later children may refer to declarations of earlier ones.</summary>
public sealed class AndElement : RuleElement
{
    /// <summary>Creates a conjunction.</summary>
    /// <param name="elements">The child elements, in order.</param>
    public AndElement(IReadOnlyList<RuleElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        Elements = elements.AsReadOnlyCopy();
    }

    /// <summary>The child elements, in order.</summary>
    public IReadOnlyList<RuleElement> Elements { get; }
}
