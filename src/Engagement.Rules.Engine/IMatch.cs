using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine;

/// <summary>A match of a rule's left-hand side: an activation on the agenda, or one that is firing.</summary>
public interface IMatch
{
    /// <summary>The rule matched.</summary>
    RuleDefinition Rule { get; }

    /// <summary>The facts of the match, in left-hand-side order (aggregate results and bindings excluded).</summary>
    IReadOnlyList<object> Facts { get; }

    /// <summary>Returns the value bound to a declaration of <see cref="Rule"/> in this match.</summary>
    /// <param name="declaration">A declaration of the rule.</param>
    /// <returns>The bound value.</returns>
    /// <exception cref="System.ArgumentException">The declaration is not bound in this match.</exception>
    object? GetValue(Declaration declaration);
}
