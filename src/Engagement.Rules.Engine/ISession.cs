using System;
using System.Collections.Generic;
using System.Threading;

namespace Engagement.Rules.Engine;

/// <summary>
/// A unit of work over a <see cref="CompiledRuleSet"/>: its own working memory and agenda. A session is
/// cheap to create and not thread-safe; use one per unit of work (for example per customer) and share the
/// compiled rule set between threads (a call made while another thread is inside an operation of the same session
/// throws <see cref="InvalidOperationException"/> rather than corrupting it). Dispose it when done: its memories are pooled for the next session, after
/// which every member throws <see cref="ObjectDisposedException"/> (matches read from it included).
/// <para>
/// When an exception goes through the middle of a change (a condition, the match guard or an event handler throws while
/// the change is half-way through the network, also under a rule action, even one that catches it), the facts and the
/// matches no longer agree: from then on every member but <see cref="IDisposable.Dispose"/> throws
/// <see cref="InvalidOperationException"/> ("The session is half-updated ...", the first error as its inner exception),
/// and the state is not pooled. Errors raised before any change (a duplicate or unknown fact, a null, an action's own
/// exception, <see cref="RuleLoopException"/>, cancellation) leave the session usable.
/// </para>
/// </summary>
public interface ISession : IDisposable
{
    /// <summary>Diagnostic events raised by this session.</summary>
    ISessionEvents Events { get; }

    /// <summary>Inserts a fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="FactException">The fact (or one with the same identity) is already in the session.</exception>
    /// <exception cref="RuleConditionException">An expression of a rule's conditions (a condition, a let's or an aggregate's value) threw while matching the change; the exception names the rule, the expression and the facts.</exception>
    /// <exception cref="RuleMatchLimitException">The change would make the session hold more than <see cref="SessionOptions.MaxPartialMatches"/> partial matches.</exception>
    /// <exception cref="InvalidOperationException">The session is half-updated (see <see cref="ISession"/>), or in use by another thread.</exception>
    void Insert(object fact);

    /// <summary>
    /// Inserts facts, in order, as one change: the matches afterwards are those of inserting them one by one, but
    /// each is made once, and none is made and then unmade because a fact later in the batch blocks it (no events
    /// for such transient matches). Among the activations of one rule and priority, the agenda follows the order in
    /// which the batch made them.
    /// </summary>
    /// <param name="facts">The facts.</param>
    /// <exception cref="FactException">A fact is already in the session (or twice in the batch); nothing was inserted.</exception>
    /// <exception cref="RuleConditionException">An expression of a rule's conditions (a condition, a let's or an aggregate's value) threw while matching the change; the exception names the rule, the expression and the facts.</exception>
    /// <exception cref="RuleMatchLimitException">The change would make the session hold more than <see cref="SessionOptions.MaxPartialMatches"/> partial matches.</exception>
    /// <exception cref="InvalidOperationException">The session is half-updated (see <see cref="ISession"/>), or in use by another thread.</exception>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>
    /// Inserts a fact unless it is already in the session. One that is there only because rules inserted it linked
    /// (<see cref="IActionContext.InsertLinked"/>) becomes stated: it then stays until it is retracted.
    /// </summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> when inserted.</returns>
    bool TryInsert(object fact);

    /// <summary>Tells the session that a fact changed, or replaces it by a new version with the same identity.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="FactException">The fact is not in the session.</exception>
    /// <exception cref="RuleConditionException">An expression of a rule's conditions (a condition, a let's or an aggregate's value) threw while matching the change; the exception names the rule, the expression and the facts.</exception>
    /// <exception cref="RuleMatchLimitException">The change would make the session hold more than <see cref="SessionOptions.MaxPartialMatches"/> partial matches.</exception>
    /// <exception cref="InvalidOperationException">The session is half-updated (see <see cref="ISession"/>), or in use by another thread.</exception>
    void Update(object fact);

    /// <summary>Updates a fact if it is in the session.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> when updated.</returns>
    bool TryUpdate(object fact);

    /// <summary>Removes a fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="FactException">The fact is not in the session.</exception>
    void Retract(object fact);

    /// <summary>Removes a fact if it is in the session.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> when removed.</returns>
    bool TryRetract(object fact);

    /// <summary>Fires activations, highest priority first, until the agenda is empty or an action halts.</summary>
    /// <returns>The number of rules fired.</returns>
    /// <exception cref="RuleLoopException">More firings than <see cref="SessionOptions.MaxFiringsPerFire"/>.</exception>
    /// <exception cref="RuleActionException">A rule's action threw (the exception names the rule and its facts).</exception>
    /// <exception cref="RuleConditionException">An expression of a rule's conditions threw while matching a change made by an action.</exception>
    /// <exception cref="RuleMatchLimitException">A change made by an action would exceed <see cref="SessionOptions.MaxPartialMatches"/>.</exception>
    /// <exception cref="InvalidOperationException">Called from a rule action or an event handler; or the session is half-updated (see <see cref="ISession"/>).</exception>
    int Fire();

    /// <summary>Fires at most <paramref name="maxFirings"/> activations.</summary>
    /// <param name="maxFirings">The maximum number of rules to fire.</param>
    /// <returns>The number of rules fired.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFirings"/> is negative.</exception>
    /// <exception cref="RuleLoopException">More firings than <see cref="SessionOptions.MaxFiringsPerFire"/>.</exception>
    /// <exception cref="RuleActionException">A rule's action threw (the exception names the rule and its facts).</exception>
    /// <exception cref="RuleConditionException">An expression of a rule's conditions threw while matching a change made by an action.</exception>
    /// <exception cref="RuleMatchLimitException">A change made by an action would exceed <see cref="SessionOptions.MaxPartialMatches"/>.</exception>
    /// <exception cref="InvalidOperationException">Called from a rule action or an event handler; or the session is half-updated (see <see cref="ISession"/>).</exception>
    int Fire(int maxFirings);

    /// <summary>Fires activations until the agenda is empty, an action halts or cancellation is requested.</summary>
    /// <remarks>
    /// Cancellation is not an exception: the call returns the firings made so far and leaves the rest on the agenda
    /// (a later <c>Fire</c> continues); check <see cref="CancellationToken.IsCancellationRequested"/> to tell the cases apart.
    /// </remarks>
    /// <param name="cancellationToken">Checked between firings.</param>
    /// <returns>The number of rules fired.</returns>
    /// <exception cref="RuleLoopException">More firings than <see cref="SessionOptions.MaxFiringsPerFire"/>.</exception>
    /// <exception cref="RuleActionException">A rule's action threw (the exception names the rule and its facts).</exception>
    /// <exception cref="RuleConditionException">An expression of a rule's conditions threw while matching a change made by an action.</exception>
    /// <exception cref="RuleMatchLimitException">A change made by an action would exceed <see cref="SessionOptions.MaxPartialMatches"/>.</exception>
    /// <exception cref="InvalidOperationException">Called from a rule action or an event handler; or the session is half-updated (see <see cref="ISession"/>).</exception>
    int Fire(CancellationToken cancellationToken);

    /// <summary>A snapshot of the agenda: the activations waiting to fire, in the order they would fire.</summary>
    /// <returns>The activations.</returns>
    IReadOnlyList<IMatch> GetAgenda();

    /// <summary>The facts in the session that are of type <typeparamref name="T"/>, in insertion order.</summary>
    /// <typeparam name="T">The fact type (derived types included).</typeparam>
    /// <returns>The facts.</returns>
    IEnumerable<T> Query<T>();
}
