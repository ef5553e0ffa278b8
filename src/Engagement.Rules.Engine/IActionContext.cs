namespace Engagement.Rules.Engine;

/// <summary>
/// What an action sees and may do while its rule fires: the rule and the matched facts, and the session
/// operations that drive forward chaining.
/// </summary>
public interface IActionContext
{
    /// <summary>The match that is firing: its rule, facts and bound values.</summary>
    IMatch Match { get; }

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
