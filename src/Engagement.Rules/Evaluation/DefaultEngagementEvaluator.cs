using System;
using System.Collections.Generic;
using System.Globalization;
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

    private readonly Instant _latest = EvaluationRange.Latest(options.QuietHours.SearchHorizonDays);

    public EngagementResult Evaluate(CustomerFacts facts)
    {
        var at = clock.GetCurrentInstant();
        CheckClock(at);
        return Evaluate(facts, at, CancellationToken.None);
    }

    public EngagementResult Evaluate(CustomerFacts facts, Instant at)
    {
        CheckInstant(at, nameof(at));
        return Evaluate(facts, at, CancellationToken.None);
    }

    // Outside this range the evaluation context's local date, a policy's look-back window or the contact-time
    // search would leave NodaTime's calendar, and the failure came out as "The rules failed for customer C1: Value
    // should be in range ... (Parameter 'daysSinceEpoch')" or "The policies failed ...: Operation would overflow
    // range of Instant", blaming the rules or a defect for the host's instant (often a sentinel: Instant.MinValue/MaxValue).
    private void CheckInstant(Instant at, string parameter)
    {
        if (OutOfRange(at) is { } problem)
        {
            throw new ArgumentOutOfRangeException(parameter, at, problem);
        }
    }

    // The evaluator's own clock is out of range: no argument of the call is at fault.
    private void CheckClock(Instant at)
    {
        if (OutOfRange(at) is { } problem)
        {
            throw new InvalidOperationException("The evaluator's clock is out of range. " + problem);
        }
    }

    private string? OutOfRange(Instant at) =>
        at < EvaluationRange.Earliest
            ? $"The evaluation instant {at} is before {EvaluationRange.Earliest}; evaluate at a real instant (not a sentinel such as Instant.MinValue)."
            : at > _latest
                ? string.Create(CultureInfo.InvariantCulture, $"The evaluation instant {at} is after {_latest}: the contact-time search looks up to {options.QuietHours.SearchHorizonDays} days past it, which would pass the end of the calendar (9999-12-31); evaluate at a real instant (not a sentinel such as Instant.MaxValue).")
                : null;

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
            return PolicyPipeline.Run(proposals, input, diagnostics, source.RuleSetFingerprint);
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
        CheckClock(at);

        // A queue of at most maxDegreeOfParallelism running evaluations, awaited in input order: bounded work in
        // flight, no unbounded buffering, and the source is read only as results are taken.
        var pending = new Queue<Task<EngagementResult>>();
        ExceptionDispatchInfo? sourceFailure = null;
        long position = 0;
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

                position++;
                if (source.Current is null)
                {
                    // A host's bug, reported as a source failure (the customers before it are still yielded) that
                    // says where, instead of "Value cannot be null. (Parameter 'facts')" from inside the batch.
                    sourceFailure = ExceptionDispatchInfo.Capture(new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"The customers' source yielded null as item {position} (1-based); every item must be a CustomerFacts."),
                        nameof(customers)));
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
        CheckInstant(from, nameof(from));
        var zone = facts.Customer.TimeZone ?? facts.Dealership.TimeZone;
        var start = from.InZone(zone).LocalDateTime;

        // The last day's instant as the loop computes it (the same local time: a DST change in the window moves it by
        // up to an hour against whole 24-hour days); the whole-day check first keeps that computation in the calendar.
        if (_latest - from < Duration.FromDays(days - 1) || DayOf(start, days - 1, zone, from) > _latest)
        {
            // The last days' evaluation instants would pass the latest one (CheckInstant).
            throw new ArgumentOutOfRangeException(nameof(from), from, string.Create(CultureInfo.InvariantCulture, $"A forecast of {days} days from {from} would evaluate after {_latest}, too close to the end of the calendar (9999-12-31) for the contact-time search; start earlier or forecast fewer days."));
        }

        var touches = new List<TouchDecision>();
        var daily = new List<EngagementResult>();
        var current = facts;
        for (var day = 0; day < days; day++)
        {
            var at = DayOf(start, day, zone, from);
            var result = EvaluateCore(current, at, CancellationToken.None); // a forecast's daily runs are not counted as evaluations
            daily.Add(result);
            touches.AddRange(result.Decisions);

            // Decided touches count as sent (and engaged: a forecast does not guess disengagement) from now on.
            current = current.With(result.Decisions.Select(AsSent));
        }

        return new EngagementForecast { CustomerId = facts.Customer.CustomerId, From = from, Days = days, Decisions = touches.AsReadOnly(), DailyResults = daily.AsReadOnly() };
    }

    // A forecast's evaluation instant on day 'day': the first day at 'from', the others at the same local time.
    private static Instant DayOf(LocalDateTime start, int day, DateTimeZone zone, Instant from) =>
        day == 0 ? from : ContactTimePlanner.AtOrAfter(start.PlusDays(day), zone, from);

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
                RuleSetFingerprint = source.RuleSetFingerprint,
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
