using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

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
    /// <exception cref="ArgumentException"><paramref name="patterns"/> is empty.</exception>
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
