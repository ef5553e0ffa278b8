using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies.Pipeline;
using Engagement.Rules.Policies;
using Engagement.Rules.Telemetry;
using NodaTime;

namespace Engagement.Rules.Evaluation;

/// <summary>The evaluator: rules propose, policies decide. Stateless apart from immutable settings, hence thread-safe.</summary>
internal sealed class DefaultEngagementEvaluator(IProposalSource source, IClock clock, PolicyOptions options, EngagementTelemetry? telemetry = null) : IEngagementEvaluator
{
    private readonly EffectiveJurisdictionCache _jurisdictions = new(options);

    public EngagementResult Evaluate(CustomerFacts facts) => Evaluate(facts, clock.GetCurrentInstant());

    public EngagementResult Evaluate(CustomerFacts facts, Instant at) => Evaluate(facts, at, CancellationToken.None);

    private EngagementResult Evaluate(CustomerFacts facts, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return telemetry is null ? EvaluateCore(facts, at, cancellationToken) : telemetry.Record(facts.Customer.CustomerId, (facts, at, cancellationToken), s => EvaluateCore(s.facts, s.at, s.cancellationToken));
    }

    private EngagementResult EvaluateCore(CustomerFacts facts, Instant at, CancellationToken cancellationToken)
    {
        var customer = facts.Customer;
        var input = new PolicyInput(customer, facts.Dealership, facts.Facts, at, options, _jurisdictions);
        List<EngagementDiagnostic>? diagnostics = null;
        if (!input.ZoneKnown)
        {
            var where = ContactTimePlanner.PlausibleZones(input.Jurisdiction.CountryCode).IsEmpty
                ? $"no time zones are known for {input.Jurisdiction.CountryCode}, so the conservative contact window applies"
                : $"contact windows are checked in every plausible zone of {input.Jurisdiction.CountryCode}";
            (diagnostics ??= []).Add(new EngagementDiagnostic(
                EngagementDiagnosticCode.UnknownCustomerTimeZone,
                $"customer {customer.CustomerId} has an unknown time zone '{customer.TimeZoneId}': dates use the dealership's zone {input.Zone.Id} and {where}"));
        }

        if (!input.Jurisdiction.IsKnown)
        {
            (diagnostics ??= []).Add(new EngagementDiagnostic(
                EngagementDiagnosticCode.UnknownJurisdiction,
                $"customer {customer.CustomerId}: no jurisdiction rule for {input.Jurisdiction.Code}; only the default policy settings apply"));
        }

        IReadOnlyList<TouchProposal> proposals;
        try
        {
            proposals = source.Propose(facts, new EvaluationContext(at, input.Zone), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new EngagementEvaluationException(customer.CustomerId, $"The rules failed for customer {customer.CustomerId}: {ex.Message}", ex);
        }

        try
        {
            return PolicyPipeline.Run(proposals, input, diagnostics);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A defect, not bad input: still name the customer so a batch can report it and go on.
            throw new EngagementEvaluationException(customer.CustomerId, $"The policies failed for customer {customer.CustomerId}: {ex.Message}", ex);
        }
    }

    public async IAsyncEnumerable<EngagementResult> EvaluateAsync(
        IAsyncEnumerable<CustomerFacts> customers,
        int maxDegreeOfParallelism,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var at = clock.GetCurrentInstant();

        // A queue of at most maxDegreeOfParallelism running evaluations, awaited in input order: bounded work in
        // flight, no unbounded buffering, and the source is read only as results are taken.
        var pending = new Queue<Task<EngagementResult>>();
        ExceptionDispatchInfo? sourceFailure = null;
        var source = customers.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool read;
                try
                {
                    read = await source.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // The host's source failed (a bad line, a lost connection): the customers read before it are
                    // still evaluated and yielded below, then its exception is rethrown as it was.
                    sourceFailure = ExceptionDispatchInfo.Capture(ex);
                    break;
                }

                if (!read)
                {
                    break;
                }

                if (pending.Count >= maxDegreeOfParallelism)
                {
                    yield return await pending.Dequeue().ConfigureAwait(false);
                }

                var item = source.Current;
                pending.Enqueue(Task.Run(() => EvaluateSafely(item, at, cancellationToken), cancellationToken));
            }

            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return await pending.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // Reached early when the consumer stops, cancels or an evaluation throws: let the evaluations still in
            // flight end and observe their outcome, so none runs on after the enumeration nor goes unobserved.
            while (pending.Count > 0)
            {
                var task = pending.Dequeue();
                await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                _ = task.Exception;
            }

            await source.DisposeAsync().ConfigureAwait(false);
        }

        sourceFailure?.Throw();
    }

    public EngagementForecast Forecast(CustomerFacts facts, Instant from, int days)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 366);
        var zone = facts.Customer.TimeZone ?? facts.Dealership.TimeZone;
        var start = from.InZone(zone).LocalDateTime;
        var touches = new List<TouchDecision>();
        var daily = new List<EngagementResult>();
        var current = facts;
        for (var day = 0; day < days; day++)
        {
            var at = day == 0 ? from : ContactTimePlanner.AtOrAfter(start.PlusDays(day), zone, from);
            var result = EvaluateCore(current, at, CancellationToken.None); // a forecast's daily runs are not counted as evaluations
            daily.Add(result);
            touches.AddRange(result.Decisions);

            // Decided touches count as sent (and engaged: a forecast does not guess disengagement) from now on.
            current = current.With(result.Decisions.Select(AsSent));
        }

        return new EngagementForecast { CustomerId = facts.Customer.CustomerId, From = from, Days = days, Decisions = touches.AsReadOnly(), DailyResults = daily.AsReadOnly() };
    }

    private EngagementResult EvaluateSafely(CustomerFacts facts, Instant at, CancellationToken cancellationToken)
    {
        try
        {
            return Evaluate(facts, at, cancellationToken);
        }
        catch (EngagementEvaluationException ex)
        {
            return new EngagementResult
            {
                CustomerId = facts.Customer.CustomerId,
                EvaluatedAt = at,
                Decisions = [],
                Suppressed = [],
                HeldOut = [],
                Diagnostics = [new EngagementDiagnostic(EngagementDiagnosticCode.EvaluationFailed, ex.Message)],
            };
        }
    }

    private static TouchSent AsSent(TouchDecision decision) => new()
    {
        TouchId = decision.IdempotencyKey,
        CustomerId = decision.CustomerId,
        Vin = decision.Vin is null ? null : Vin.Parse(decision.Vin),
        Kind = decision.Kind,
        Topic = decision.Topic,
        Class = decision.Class,
        Channel = decision.Channel,
        SentAt = decision.DueAt,
        Engaged = true,
    };
}
