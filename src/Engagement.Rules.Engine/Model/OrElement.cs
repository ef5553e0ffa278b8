using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

/// <summary>
/// At least one child element must hold. The compiler splits a rule with an <c>or</c> into one terminal per
/// alternative, so the rule fires once per alternative that matches.
/// </summary>
public sealed class OrElement : RuleElement
{
    /// <summary>Creates a disjunction.</summary>
    /// <param name="elements">The alternatives, at least two.</param>
    /// <exception cref="ArgumentException">There are fewer than two alternatives.</exception>
    public OrElement(IReadOnlyList<RuleElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count < 2)
        {
            throw new ArgumentException("An 'or' needs at least two alternatives.", nameof(elements));
        }

        Elements = elements.AsReadOnlyCopy();
    }

    /// <summary>The alternatives.</summary>
    public IReadOnlyList<RuleElement> Elements { get; }
}
