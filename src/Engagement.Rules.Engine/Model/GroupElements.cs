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

/// <summary>
/// At least one child element must hold. The compiler splits a rule with an <c>or</c> into one terminal per
/// alternative, so the rule fires once per alternative that matches.
/// </summary>
public sealed class OrElement : RuleElement
{
    /// <summary>Creates a disjunction.</summary>
    /// <param name="elements">The alternatives, at least two.</param>
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

/// <summary>
/// Holds when every fact matching <see cref="BasePattern"/> also satisfies every pattern in
/// <see cref="Patterns"/> (vacuously true when none matches the base). Equivalent to
/// <c>not(base and not(p1 and ... pn))</c>.
/// </summary>
public sealed class ForAllElement : RuleElement
{
    /// <summary>Creates a universal test.</summary>
    /// <param name="basePattern">The facts the test ranges over.</param>
    /// <param name="patterns">What must hold for each of them; may refer to the base declaration.</param>
    public ForAllElement(PatternElement basePattern, IReadOnlyList<PatternElement> patterns)
    {
        ArgumentNullException.ThrowIfNull(basePattern);
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0)
        {
            throw new ArgumentException("A 'forall' needs at least one pattern.", nameof(patterns));
        }

        BasePattern = basePattern;
        Patterns = patterns.AsReadOnlyCopy();
    }

    /// <summary>The facts the test ranges over.</summary>
    public PatternElement BasePattern { get; }

    /// <summary>What must hold for each base fact.</summary>
    public IReadOnlyList<PatternElement> Patterns { get; }
}
