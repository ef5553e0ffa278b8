using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine;

/// <summary>
/// What an action sees and may do while its rule fires: the rule and the matched facts, and the session
/// operations that drive forward chaining.
/// </summary>
public interface IActionContext
{
    /// <summary>
    /// The match that is firing, as an object the action may keep: a match handed out this way stays readable (or
    /// reports its session disposed) for as long as it is held, so the session never reuses it. An action that only
    /// reads the match while it runs uses <see cref="Rule"/>, <see cref="Facts"/> and <see cref="GetValue"/> instead.
    /// </summary>
    IMatch Match { get; }

    /// <summary>The rule that is firing.</summary>
    RuleDefinition Rule { get; }

    /// <summary>
    /// The facts of the firing match, in left-hand-side order (aggregate results and bindings excluded), as
    /// <see cref="IMatch.Facts"/>: a list of its own, which the action may keep.
    /// </summary>
    IReadOnlyList<object> Facts { get; }

    /// <summary>Returns the value bound to a declaration of the firing rule in the firing match, as <see cref="IMatch.GetValue"/>.</summary>
    /// <param name="declaration">A declaration of the rule.</param>
    /// <returns>The bound value.</returns>
    /// <exception cref="System.ArgumentException">The declaration is not bound in this match.</exception>
    object? GetValue(Declaration declaration);

    /// <summary>Inserts a new fact; rules that match it are activated.</summary>
    /// <param name="fact">The fact.</param>
    void Insert(object fact);

    /// <summary>
    /// Inserts a fact linked to this activation: it is retracted automatically when the match that produced
    /// it goes away, and replaced when the match changes and the rule fires again.
    /// </summary>
    /// <param name="fact">The fact.</param>
    void InsertLinked(object fact);

    /// <summary>Tells the session that a fact changed (or replaces it by a new version with the same identity).</summary>
    /// <param name="fact">The fact.</param>
    void Update(object fact);

    /// <summary>Removes a fact from the session.</summary>
    /// <param name="fact">The fact.</param>
    void Retract(object fact);

    /// <summary>Stops the current <c>Fire</c> after this action.</summary>
    void Halt();
}
