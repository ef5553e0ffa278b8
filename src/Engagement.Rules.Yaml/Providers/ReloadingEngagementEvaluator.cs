using System;
using System.Collections.Generic;
using System.Threading;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Policies;
using Engagement.Rules.Telemetry;
using Engagement.Rules.Yaml.Diagnostics;
using NodaTime;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>
/// An <see cref="IEngagementEvaluator"/> over the rule set an <see cref="IRuleSetProvider"/> serves, following its
/// reloads: hot reload without dependency injection (the DI package's evaluator is one of these). Each evaluation
/// takes the current rules once and runs on them to the end, so a reload never changes the rules under an evaluation
/// in flight (a batch of <see cref="EvaluateAsync"/> runs wholly on the set it started with).
/// </summary>
/// <remarks>
/// <para>
/// A reloaded set replaces the rules it evaluates with only when the policy options fit it (every
/// <c>Holdouts.RulePercents</c> id is one of its rules) and it is not empty while rules are in service; otherwise it
/// keeps its rules and raises <see cref="ReloadFailed"/> (<see cref="Diagnostics.DiagnosticCodes.PolicyMismatch"/> per
/// problem, or <see cref="Diagnostics.DiagnosticCodes.EmptyReload"/>), never throwing on the provider's thread. A
/// reload the provider itself rejected is passed on through <see cref="ReloadFailed"/> too, so one subscription
/// observes every failure. <see cref="Current"/> is the rule set it evaluates with, which may then differ from the
/// provider's; <see cref="LastRefusal"/> says why, also for a reload refused while the constructor ran, before anyone
/// could subscribe.
/// </para>
/// <para>
/// Thread-safe, and it never calls the provider while holding its own lock, so a provider may serve
/// <see cref="IRuleSetProvider.Current"/>, take handlers and raise its events under one lock of its own. <see cref="Reloaded"/> and <see cref="ReloadFailed"/> are raised on the provider's reloading thread,
/// inside the provider's event, while the reload holds the provider's lock: a handler must not wait for a reload on
/// another thread (read the rules, log, return). What a handler throws goes back to the provider, as a throwing
/// handler of the provider's own events would. Dispose it to stop following the provider (it does not dispose the
/// provider); it keeps evaluating with the rules it has.
/// </para>
/// </remarks>
public sealed class ReloadingEngagementEvaluator : IEngagementEvaluator, IRuleSetProvider, IDisposable
{
    /// <summary>Where an empty reload is located: the evaluator does not know where its provider loads from.</summary>
    private const string ReloadedRules = "(reloaded rules)";

    private readonly IRuleSetProvider _provider;
    private readonly IClock _clock;
    private readonly PolicyOptions? _policy;
    private readonly EngagementTelemetry? _telemetry;
    private readonly SessionOptions? _session;

    // Serialises following reloads with the constructor and Dispose (reentrant: a handler may dispose). Never held
    // while the provider is called (Current, adding or removing a handler): a provider that does those under the lock
    // it raises its events with would otherwise deadlock with a reload on another thread (lock-order inversion).
    private readonly Lock _gate = new();
    private Generation? _current;
    private IReadOnlyList<RuleDiagnostic>? _lastRefusal;
    private bool _disposed;

    // The last reload raised before the constructor set its generation, for the constructor to follow.
    private RuleSetReloadedEventArgs? _early;

    /// <summary>Creates the evaluator over the provider's current rules and starts following its reloads.</summary>
    /// <param name="rules">The provider whose rules to evaluate with; not owned (not disposed with this evaluator).</param>
    /// <param name="clock">The clock that gives "now".</param>
    /// <param name="policy">The policy settings; <see cref="PolicyOptions.Default"/> when null.</param>
    /// <param name="telemetry">Where evaluations are logged and measured; none when null. Not owned.</param>
    /// <param name="session">The rule session settings; <see cref="EngagementEvaluator.DefaultSessionOptions"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="PolicyOptionsException">
    /// The policy options are invalid, or do not fit the provider's current rules (as
    /// <see cref="EngagementEvaluator.Create"/> throws it; every problem is listed).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The session settings are invalid.</exception>
    public ReloadingEngagementEvaluator(
        IRuleSetProvider rules,
        IClock clock,
        PolicyOptions? policy = null,
        EngagementTelemetry? telemetry = null,
        SessionOptions? session = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        _provider = rules;
        _clock = clock;
        _policy = policy;
        _telemetry = telemetry;
        _session = session;

        // Subscribed before the current set is read: a reload raised in between is noted (_early) and followed below,
        // rather than missed.
        _provider.Reloaded += OnReloaded;
        _provider.ReloadFailed += OnReloadFailed;
        try
        {
            var current = _provider.Current;
            var generation = new Generation(current, Create(current));
            lock (_gate)
            {
                if (_early is { } early && !ReferenceEquals(early.RuleSet, current))
                {
                    // Nobody can have subscribed to this evaluator's events yet: a set it refuses is not taken, and
                    // only LastRefusal says so.
                    if (TryFollow(early.RuleSet, current, early.Warnings, out var refusal) is { } next)
                    {
                        generation = next;
                    }
                    else
                    {
                        _lastRefusal = refusal;
                    }
                }

                _early = null;
                _current = generation;
            }
        }
        catch
        {
            Unsubscribe();
            throw;
        }
    }

    /// <summary>The rule set evaluations start on now.</summary>
    public CompiledRuleSet Current => Snapshot().Rules;

    /// <summary>
    /// Why it does not evaluate with the provider's latest reloaded rules: the diagnostics of the last reloaded set it
    /// refused (<see cref="Diagnostics.DiagnosticCodes.EmptyReload"/>, or <see cref="Diagnostics.DiagnosticCodes.PolicyMismatch"/>
    /// per problem), as <see cref="ReloadFailed"/> carries them; null while it follows the provider (nothing refused,
    /// or a later reload followed). A reload raised while the constructor ran and refused sets it too, and nobody can
    /// have been subscribed to <see cref="ReloadFailed"/> then: read it once the evaluator is created to know whether
    /// <see cref="Current"/> is the provider's from the start.
    /// </summary>
    public IReadOnlyList<RuleDiagnostic>? LastRefusal => Volatile.Read(ref _lastRefusal);

    /// <summary>Raised after it switched to the provider's reloaded rules (the provider's event data, passed on).</summary>
    public event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    /// <summary>
    /// Raised when it keeps its rules: the provider's reload failed (its diagnostics, passed on), or the reloaded rules
    /// do not fit the policy options (ER0052 per problem) or are none (ER0051). <see cref="RuleSetReloadFailedEventArgs.Kept"/>
    /// is <see cref="Current"/>.
    /// </summary>
    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    /// <inheritdoc />
    public EngagementResult Evaluate(CustomerFacts facts) => Snapshot().Evaluator.Evaluate(facts);

    /// <inheritdoc />
    public EngagementResult Evaluate(CustomerFacts facts, Instant at) => Snapshot().Evaluator.Evaluate(facts, at);

    /// <inheritdoc />
    public IAsyncEnumerable<EngagementResult> EvaluateAsync(IAsyncEnumerable<CustomerFacts> customers, int maxDegreeOfParallelism, CancellationToken cancellationToken = default) =>
        Snapshot().Evaluator.EvaluateAsync(customers, maxDegreeOfParallelism, cancellationToken);

    /// <inheritdoc />
    public EngagementForecast Forecast(CustomerFacts facts, Instant from, int days) => Snapshot().Evaluator.Forecast(facts, from, days);

    /// <summary>Stops following the provider; once it returns, no reload changes the rules. Idempotent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // Under the gate: a reload being followed has finished, and any later one sees this and changes nothing.
            _disposed = true;
        }

        Unsubscribe();
    }

    // Set in the constructor before anything can read it.
    private Generation Snapshot() => Volatile.Read(ref _current)!;

    private IEngagementEvaluator Create(CompiledRuleSet rules) => EngagementEvaluator.Create(rules, _clock, _policy, _telemetry, _session);

    private void Unsubscribe()
    {
        _provider.Reloaded -= OnReloaded;
        _provider.ReloadFailed -= OnReloadFailed;
    }

    private void OnReloaded(object? sender, RuleSetReloadedEventArgs e)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_current is not { } current)
            {
                // The constructor has not set its generation yet (or failed after subscribing): it follows this one.
                _early = e;
                return;
            }

            if (ReferenceEquals(e.RuleSet, current.Rules))
            {
                return;
            }

            if (TryFollow(e.RuleSet, current.Rules, e.Warnings, out var refusal) is not { } next)
            {
                Volatile.Write(ref _lastRefusal, refusal);
                ReloadFailed?.Invoke(this, new RuleSetReloadFailedEventArgs(refusal, current.Rules));
                return;
            }

            Volatile.Write(ref _current, next);
            Volatile.Write(ref _lastRefusal, null);
            Reloaded?.Invoke(this, e);
        }
    }

    private void OnReloadFailed(object? sender, RuleSetReloadFailedEventArgs e)
    {
        lock (_gate)
        {
            if (!_disposed && _current is { } current)
            {
                ReloadFailed?.Invoke(this, ReferenceEquals(e.Kept, current.Rules) ? e : new RuleSetReloadFailedEventArgs(e.Diagnostics, current.Rules));
            }
        }
    }

    /// <summary>
    /// The generation over a reloaded set, or null when it does not replace <paramref name="current"/>, with why in
    /// <paramref name="refusal"/>: ER0051 after the reload's <paramref name="warnings"/> when it has no rules while
    /// <paramref name="current"/> has some, ER0052 per problem when the policy options do not fit it (e.g. a rule
    /// renamed away while Holdouts.RulePercents still names it).
    /// </summary>
    private Generation? TryFollow(CompiledRuleSet next, CompiledRuleSet current, IReadOnlyList<RuleDiagnostic> warnings, out IReadOnlyList<RuleDiagnostic> refusal)
    {
        if (ReloadRefusal.Empty(next, current, ReloadedRules) is { } empty)
        {
            refusal = [.. warnings, empty];
            return null;
        }

        try
        {
            refusal = [];
            return new Generation(next, Create(next));
        }
        catch (PolicyOptionsException ex)
        {
            refusal = ReloadRefusal.PolicyMismatch(ex);
            return null;
        }
    }

    /// <summary>One rule set and the evaluator over it, swapped whole.</summary>
    private sealed record Generation(CompiledRuleSet Rules, IEngagementEvaluator Evaluator);
}
