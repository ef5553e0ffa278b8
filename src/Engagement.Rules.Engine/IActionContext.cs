using System;
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

    /// <summary>Inserts a new fact (a stated fact: only a retraction removes it); rules that match it are activated.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="FactException">The fact (or one with the same identity) is already in the session.</exception>
    void Insert(object fact);

    /// <summary>
    /// Inserts a fact as <see cref="Insert"/> does unless one with its identity is in the session. When that one is
    /// there only because matches inserted it linked (<see cref="InsertLinked"/>), it becomes stated: it stays when
    /// those matches go.
    /// </summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> when inserted; <see langword="false"/> when it was already there.</returns>
    bool TryInsert(object fact);

    /// <summary>
    /// Inserts a fact linked to (supported by) the firing match, a logical insert: it is retracted automatically
    /// when the last match supporting it goes away, and replaced when the match changes and the rule fires again
    /// (a fact it no longer produces loses its support). A fact equal (same identity) to one other matches inserted
    /// linked is not inserted twice: this match becomes a further support. A fact equal to one inserted plainly
    /// (stated) is left as it is, and is not linked. Nothing is inserted when the firing match went away meanwhile;
    /// when inserting the fact makes the match go away (the rule blocks itself), the fact is retracted again at
    /// once, and the match may come back and fire again (a loop, stopped by <see cref="SessionOptions.MaxFiringsPerFire"/>).
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

    /// <summary>
    /// For an action that computes values (a reason, a due date) and catches what one of them throws: the exception
    /// to throw instead, which the session reports as a <see cref="RuleActionException"/> naming the value
    /// (<c>The value 'a / b' of 'due' in an action of rule 'r' ...</c>, <see cref="RuleActionException.Expression"/>)
    /// with <paramref name="exception"/> as its inner exception. Costs nothing until a value throws.
    /// </summary>
    /// <param name="name">What the value is, for the author (e.g. <c>due</c>, <c>reason</c>).</param>
    /// <param name="text">The value's expression as the rule's author wrote it, when known.</param>
    /// <param name="exception">What the value threw.</param>
    /// <returns>The exception for the action to throw.</returns>
    Exception ValueFailed(string name, string? text, Exception exception);
}
