using System;
using System.Collections.Generic;
using System.Threading;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules;

/// <summary>
/// Decides customer-engagement touches: runs the rules over one customer's facts, then the policies (stop
/// conditions, suppression, consent, quiet hours, expiry, caps and arbitration, holdouts) over the proposals.
/// Thread-safe: one evaluator (and its compiled rule set) serves every thread.
/// </summary>
public interface IEngagementEvaluator
{
    /// <summary>Evaluates one customer now (the evaluator's clock).</summary>
    /// <remarks>Not cancellable: see <see cref="Evaluate(CustomerFacts, Instant)"/>.</remarks>
    /// <param name="facts">The customer's facts.</param>
    /// <returns>The decisions, suppressions, holdouts and diagnostics.</returns>
    /// <exception cref="EngagementEvaluationException">The rules or the policies failed for this customer (the inner exception says why).</exception>
    /// <exception cref="InvalidOperationException">The evaluator's clock reads an instant out of range (see <see cref="Evaluate(CustomerFacts, Instant)"/>).</exception>
    EngagementResult Evaluate(CustomerFacts facts);

    /// <summary>Evaluates one customer at a given instant.</summary>
    /// <remarks>
    /// Takes no <see cref="CancellationToken"/>: it runs to its end, its rule session holding at most
    /// <see cref="Engine.SessionOptions.MaxPartialMatches"/> partial matches and firing at most
    /// <see cref="Engine.SessionOptions.MaxFiringsPerFire"/> rules (past either, an
    /// <see cref="EngagementEvaluationException"/>), so its cost is bounded by those guards and the facts passed in.
    /// A host that must stop evaluations midway uses <see cref="EvaluateAsync"/>, whose token also stops a customer
    /// in flight between rule firings.
    /// </remarks>
    /// <param name="facts">The customer's facts.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <returns>The decisions, suppressions, holdouts and diagnostics.</returns>
    /// <exception cref="EngagementEvaluationException">The rules or the policies failed for this customer (the inner exception says why).</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before <see cref="EngagementEvaluator.EarliestInstant"/> (0001-01-01T00:00:00Z), or
    /// after <see cref="EngagementEvaluator.LatestInstant"/> for the evaluator's policy options: the contact-time search
    /// horizon (<see cref="Policies.QuietHoursOptions.SearchHorizonDays"/>) plus two days before the end of the
    /// calendar (9999-12-31; with the default 60 days, 9999-10-30T00:00:00Z): a customer's local date, the policies'
    /// look-back windows or the search would fall outside it (a sentinel such as <see cref="Instant.MinValue"/>).
    /// </exception>
    EngagementResult Evaluate(CustomerFacts facts, Instant at);

    /// <summary>
    /// Evaluates many customers at one instant (read from the clock once), at most
    /// <paramref name="maxDegreeOfParallelism"/> at a time, yielding results in input order. At most that many
    /// customers are in flight: the source is read only as results are consumed. A customer whose rules fail
    /// yields a result with an <see cref="EngagementDiagnosticCode.EvaluationFailed"/> diagnostic instead of
    /// stopping the batch.
    /// <para>
    /// When <paramref name="customers"/> itself throws (a malformed record, a lost connection), the result of every
    /// customer it yielded before is still yielded, in input order, and then the source's exception is rethrown
    /// as it was (the same object, stack trace kept), whatever the degree of parallelism. A null item is reported the
    /// same way, as an <see cref="ArgumentException"/> naming its position. When the enumeration ends
    /// early (the consumer stops, the token is cancelled, an exception), it first waits for the evaluations in
    /// flight, so none runs on or goes unobserved afterwards.
    /// </para>
    /// </summary>
    /// <param name="customers">The customers' facts.</param>
    /// <param name="maxDegreeOfParallelism">How many customers to evaluate at once (at least 1).</param>
    /// <param name="cancellationToken">
    /// Stops reading and evaluating: the enumeration ends with an <see cref="System.OperationCanceledException"/> at
    /// its next step, even after a source failure; a customer in flight stops between rule firings (inserting its
    /// facts into the session runs to its end, bounded by <see cref="Engine.SessionOptions.MaxPartialMatches"/>).
    /// A token given to <c>WithCancellation</c> on the returned sequence works the same (both are honoured).
    /// </param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">
    /// <paramref name="maxDegreeOfParallelism"/> is less than 1; thrown when the enumeration starts (the first
    /// <c>MoveNextAsync</c>), not by this call.
    /// </exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">
    /// The evaluator's clock reads an instant out of range (see <see cref="Evaluate(CustomerFacts, Instant)"/>); thrown
    /// when the enumeration starts, before the source is read.
    /// </exception>
    IAsyncEnumerable<EngagementResult> EvaluateAsync(IAsyncEnumerable<CustomerFacts> customers, int maxDegreeOfParallelism, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forecasts the touches a customer would get: evaluates once a day from <paramref name="from"/> (same local
    /// time each day), treating touches decided on earlier days as sent, so caps and cooldowns hold across the horizon.
    /// </summary>
    /// <param name="facts">The customer's facts.</param>
    /// <param name="from">The first evaluation instant.</param>
    /// <param name="days">The number of daily evaluations (1 to 366).</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="days"/> is not 1 to 366, or an evaluation instant of the forecast would be out of range (see
    /// <see cref="Evaluate(CustomerFacts, Instant)"/>).
    /// </exception>
    /// <exception cref="EngagementEvaluationException">The rules or the policies failed for this customer on one of the days.</exception>
    EngagementForecast Forecast(CustomerFacts facts, Instant from, int days);
}
