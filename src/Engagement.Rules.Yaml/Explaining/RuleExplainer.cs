using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml.Loading;
using NodaTime;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>
/// Answers "why did rule X fire, or not, for this customer?": for a rule that fired, the facts of each firing; for one
/// that did not, the first element of its left-hand side that found no match (with the element as written and where,
/// the facts that were candidates and the condition that rejected each, what blocked a <c>not</c>, each alternative
/// of an <c>any</c>); given the customer's <see cref="EngagementResult"/>, what the policies made of the rule's touches.
/// </summary>
/// <remarks>
/// <para>
/// Method: the customer's facts go into a session of the real rules as the evaluator inserts them (the evaluation
/// context, the customer, the dealership, the other facts), which is fired; the firings are recorded. For each rule
/// that did not fire, its probe rules (parts of its left-hand side: the elements up to each one, a pattern with only
/// its first conditions, ...; built and compiled once per rule, then reused) go into a session of their own with the
/// facts the real rules left (signals included); a probe with matches means its part matched. Every answer comes from
/// the engine matching the rule's own compiled conditions; nothing is evaluated outside it. It names the <em>first</em>
/// failing element in written order: later elements may fail too.
/// </para>
/// <para>
/// Bounded: every list (firings of a rule, candidates, blocking matches) holds at most <see cref="MaxListed"/> entries,
/// with the full count beside it; the work is bounded by the sessions' <see cref="SessionOptions.MaxPartialMatches"/>
/// (the probes of a rule join a pattern's facts with the matches before it before its conditions filter them, so they
/// hold more partial matches than the rule does).
/// </para>
/// <para>
/// Given an evaluation, it must be of the rules explained: an evaluation whose <see cref="EngagementResult.RuleSetFingerprint"/>
/// is not this rule set's <see cref="CompiledRuleSet.Fingerprint"/> is refused, since explaining a result with other
/// rules than decided it (after a hot reload, say) would give a wrong answer. When either fingerprint is null (rules
/// compiled without one, such as rules built in C#, or a result made or read without one), nothing tells the rule
/// sets apart: the evaluation is taken as given, and matching it with the rules is the caller's concern.
/// </para>
/// <para>
/// Thread-safe: an explainer is immutable (its probe cache is concurrent) and may serve several threads. Keep one per
/// compiled rule set (with hot reload, one per <c>IRuleSetProvider.Current</c>); the dependency-injection package
/// registers it so (docs/embedding.md).
/// </para>
/// </remarks>
public sealed class RuleExplainer
{
    /// <summary>The default for <see cref="MaxListed"/>.</summary>
    public const int DefaultMaxListed = 20;

    private readonly Dictionary<string, RuleDefinition> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RuleDefinition, Lazy<RuleProbes>> _probes = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<RuleDefinition, string> _unexplainable = new(ReferenceEqualityComparer.Instance);
    private readonly SessionOptions _session;
    private readonly Func<RuleDefinition, RuleProbes> _probesFor;

    // The latest instant any evaluator evaluates at (the shortest contact-time search): an instant some evaluator
    // decided at can be explained, and the rules alone (no policies run here) never leave the calendar before it.
    private static readonly Instant Latest = EngagementEvaluator.LatestInstant(
        PolicyOptions.Default with { QuietHours = PolicyOptions.Default.QuietHours with { SearchHorizonDays = 1 } });

    /// <summary>Creates an explainer of a compiled rule set.</summary>
    /// <param name="rules">
    /// The rules, as compiled for the evaluator (<c>IRuleSetProvider.Current</c> with hot reload). Rules loaded by the
    /// <see cref="RuleFileLoader"/> are explained with their elements' texts and positions; others (built in C#) with
    /// descriptions and no positions.
    /// </param>
    /// <param name="maxListed">The most entries of each list in an explanation (firings, candidates, blocking matches); at least 1.</param>
    /// <param name="session">
    /// The settings of the sessions run (the loop and match guards); <see cref="EngagementEvaluator.DefaultSessionOptions"/>
    /// when null, as for the evaluator.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxListed"/> is less than 1, or <paramref name="session"/> is invalid.</exception>
    public RuleExplainer(CompiledRuleSet rules, int maxListed = DefaultMaxListed, SessionOptions? session = null)
        : this(rules, maxListed, session, RuleProbes.For)
    {
    }

    /// <summary>Creates an explainer that builds a rule's probes with <paramref name="probesFor"/> (tests give a failing one).</summary>
    internal RuleExplainer(CompiledRuleSet rules, int maxListed, SessionOptions? session, Func<RuleDefinition, RuleProbes> probesFor)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxListed, 1);
        _session = session ?? EngagementEvaluator.DefaultSessionOptions;
        if (_session.GetErrors() is { Count: > 0 } errors)
        {
            // Worded as the engine words it when a session is created with these options.
            throw new ArgumentOutOfRangeException(nameof(session), "Invalid SessionOptions: " + string.Join(" ", errors));
        }
        _probesFor = probesFor;
        RuleSet = rules;
        MaxListed = maxListed;
        foreach (var rule in rules.Rules)
        {
            _byId.TryAdd(rule.Id, rule);
        }
    }

    /// <summary>The rule set explained.</summary>
    public CompiledRuleSet RuleSet { get; }

    /// <summary>The most entries of each list in an explanation; every list has its full count beside it.</summary>
    public int MaxListed { get; }

    /// <summary>Explains every rule for one customer at one instant.</summary>
    /// <param name="facts">The customer's facts, as given to the evaluator.</param>
    /// <param name="at">
    /// The instant to evaluate at, from <see cref="EngagementEvaluator.EarliestInstant"/> to the latest instant an evaluator
    /// evaluates at (<see cref="EngagementEvaluator.LatestInstant"/> with the shortest contact-time search, one day:
    /// 9999-12-28T00:00:00Z), so that every instant an evaluator decided at can be explained.
    /// </param>
    /// <returns>One explanation per rule, in the rule set's order, without the policies' verdicts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before <see cref="EngagementEvaluator.EarliestInstant"/> or after 9999-12-28T00:00:00Z
    /// (a sentinel such as <see cref="Instant.MinValue"/>): the customer's local date would leave the calendar.
    /// </exception>
    /// <exception cref="EngagementEvaluationException">A rule failed for the customer (as the evaluator reports it).</exception>
    public CustomerExplanation Explain(CustomerFacts facts, Instant at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        CheckInstant(at, nameof(at));
        return Explain(facts, at, RuleSet.Rules, evaluation: null);
    }

    /// <summary>
    /// Explains every rule for one customer at the instant of an evaluation, with what the policies made of each rule's
    /// touches (<see cref="RuleExplanation.Decisions"/>, <see cref="RuleExplanation.Suppressed"/>).
    /// </summary>
    /// <param name="facts">The customer's facts, as given to the evaluator.</param>
    /// <param name="evaluation">
    /// The customer's evaluation over the same rules (its <see cref="EngagementResult.EvaluatedAt"/> is the instant
    /// explained; its <see cref="EngagementResult.RuleSetFingerprint"/>, when it has one, is checked against
    /// <see cref="RuleSet"/>'s).
    /// </param>
    /// <returns>One explanation per rule, in the rule set's order.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="evaluation"/> is of another customer, or was decided by another rule set (both fingerprints
    /// known and different; the message names both).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="evaluation"/>'s instant is one no evaluator evaluates at (a result read back or made by hand), as for <see cref="Explain(CustomerFacts, Instant)"/>.
    /// </exception>
    /// <exception cref="EngagementEvaluationException">A rule failed for the customer (as the evaluator reports it).</exception>
    public CustomerExplanation Explain(CustomerFacts facts, EngagementResult evaluation)
    {
        CheckEvaluation(facts, evaluation);
        return Explain(facts, evaluation.EvaluatedAt, RuleSet.Rules, evaluation);
    }

    /// <summary>Explains one rule for one customer at one instant.</summary>
    /// <param name="facts">The customer's facts, as given to the evaluator.</param>
    /// <param name="at">
    /// The instant to evaluate at, from <see cref="EngagementEvaluator.EarliestInstant"/> to the latest instant an evaluator
    /// evaluates at (<see cref="EngagementEvaluator.LatestInstant"/> with the shortest contact-time search, one day:
    /// 9999-12-28T00:00:00Z), so that every instant an evaluator decided at can be explained.
    /// </param>
    /// <param name="ruleId">The rule's id.</param>
    /// <returns>The rule's explanation, without the policies' verdicts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before <see cref="EngagementEvaluator.EarliestInstant"/> or after 9999-12-28T00:00:00Z
    /// (a sentinel such as <see cref="Instant.MinValue"/>): the customer's local date would leave the calendar.
    /// </exception>
    /// <exception cref="ArgumentException">No rule has the id <paramref name="ruleId"/> (the message names the closest and the rules there are).</exception>
    /// <exception cref="EngagementEvaluationException">A rule failed for the customer (as the evaluator reports it).</exception>
    public RuleExplanation ExplainRule(CustomerFacts facts, Instant at, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(facts);
        CheckInstant(at, nameof(at));
        return Explain(facts, at, [Find(ruleId)], evaluation: null).Rules[0];
    }

    /// <summary>Explains one rule for one customer at the instant of an evaluation, with what the policies made of its touches.</summary>
    /// <param name="facts">The customer's facts, as given to the evaluator.</param>
    /// <param name="evaluation">
    /// The customer's evaluation over the same rules (its <see cref="EngagementResult.EvaluatedAt"/> is the instant
    /// explained; its <see cref="EngagementResult.RuleSetFingerprint"/>, when it has one, is checked against
    /// <see cref="RuleSet"/>'s).
    /// </param>
    /// <param name="ruleId">The rule's id.</param>
    /// <returns>The rule's explanation.</returns>
    /// <exception cref="ArgumentException">
    /// No rule has the id <paramref name="ruleId"/> (the message names the closest and the rules there are), or
    /// <paramref name="evaluation"/> is of another customer or was decided by another rule set (both fingerprints known
    /// and different; the message names both).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="evaluation"/>'s instant is one no evaluator evaluates at (a result read back or made by hand), as for <see cref="Explain(CustomerFacts, Instant)"/>.
    /// </exception>
    /// <exception cref="EngagementEvaluationException">A rule failed for the customer (as the evaluator reports it).</exception>
    public RuleExplanation ExplainRule(CustomerFacts facts, EngagementResult evaluation, string ruleId)
    {
        CheckEvaluation(facts, evaluation);
        return Explain(facts, evaluation.EvaluatedAt, [Find(ruleId)], evaluation).Rules[0];
    }

    private void CheckEvaluation(CustomerFacts facts, EngagementResult evaluation)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.CustomerId != facts.Customer.CustomerId)
        {
            throw new ArgumentException(
                $"The evaluation is of customer {evaluation.CustomerId}, but the facts are of customer {facts.Customer.CustomerId}.", nameof(evaluation));
        }

        // A null fingerprint is no identity, not another one: only two known, different ones prove other rules decided.
        if (evaluation.RuleSetFingerprint is { } decidedBy && RuleSet.Fingerprint is { } explained && !string.Equals(decidedBy, explained, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The evaluation of customer {evaluation.CustomerId} was decided by rule set {decidedBy}, but this explainer explains rule set {explained}: "
                + "explaining it with other rules would give a wrong answer. Explain it with the rules that decided it, or evaluate the customer again with these.",
                nameof(evaluation));
        }

        // A result read back (or made by hand) may carry any instant; an evaluator's own are always in range.
        CheckInstant(evaluation.EvaluatedAt, nameof(evaluation));
    }

    // Worded as the evaluator words it: outside this range the customer's local date leaves NodaTime's calendar, and
    // the failure came out as NodaTime's raw "Value should be in range ..." for the host's instant (often a sentinel).
    private static void CheckInstant(Instant at, string parameter)
    {
        if (at < EngagementEvaluator.EarliestInstant)
        {
            throw new ArgumentOutOfRangeException(parameter, at,
                $"The evaluation instant {at} is before {EngagementEvaluator.EarliestInstant}; explain at a real instant (not a sentinel such as Instant.MinValue).");
        }

        if (at > Latest)
        {
            throw new ArgumentOutOfRangeException(parameter, at,
                $"The evaluation instant {at} is after {Latest}, the latest an evaluator evaluates at (the end of the calendar, 9999-12-31, is too close); explain at a real instant (not a sentinel such as Instant.MaxValue).");
        }
    }

    private RuleDefinition Find(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (_byId.TryGetValue(ruleId, out var rule))
        {
            return rule;
        }

        var ids = RuleSet.Rules.Select(r => r.Id).ToArray();
        var closest = DidYouMean.Closest(ruleId, ids) is { } near ? $" Did you mean '{near}'?" : string.Empty;
        var listed = ids.Length == 0
            ? "The rule set has no rules."
            : $"The rule set has {Count(ids.Length)} rule{(ids.Length == 1 ? string.Empty : "s")}: {string.Join(", ", ids.Take(MaxListed))}{(ids.Length > MaxListed ? $" and {Count(ids.Length - MaxListed)} more" : string.Empty)}.";
        throw new ArgumentException($"No rule '{ruleId}' in the rule set.{closest} {listed}", nameof(ruleId));
    }

    private CustomerExplanation Explain(CustomerFacts facts, Instant at, IReadOnlyList<RuleDefinition> rules, EngagementResult? evaluation)
    {
        var customerId = facts.Customer.CustomerId;
        var context = new EvaluationContext(at, facts.Customer.TimeZone ?? facts.Dealership.TimeZone);
        var firings = new Dictionary<RuleDefinition, (int Count, List<RuleMatch> Listed)>(ReferenceEqualityComparer.Instance);
        object[] left;
        try
        {
            using var session = RuleSet.CreateSession(_session);
            session.Events.RuleFired += (_, e) =>
            {
                var count = firings.TryGetValue(e.Match.Rule, out var seen) ? seen.Count : 0;
                var listed = seen.Listed ?? [];
                if (listed.Count < MaxListed)
                {
                    listed.Add(new RuleMatch(e.Match.Facts.ToArray()));
                }

                firings[e.Match.Rule] = (count + 1, listed);
            };
            session.InsertAll([context, facts.Customer, facts.Dealership, .. facts.Facts]);
            session.Fire();
            left = session.Query<object>().ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Worded as the evaluator words it, so that a host (and the command-line tool) reports it alike.
            throw new EngagementEvaluationException(customerId, $"The rules failed for customer {customerId}: {ex.Message}", ex);
        }

        var order = new Dictionary<object, int>(left.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < left.Length; i++)
        {
            order.TryAdd(left[i], i);
        }

        var explained = new RuleExplanation[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (firings.TryGetValue(rule, out var fired))
            {
                explained[i] = new RuleExplanation(rule, RuleOutcome.Fired, fired.Count, fired.Listed, null, evaluation);
                continue;
            }

            if (ProbesOf(rule) is not { } probes)
            {
                explained[i] = new RuleExplanation(rule, RuleOutcome.NotExplained, 0, [], null, evaluation, _unexplainable[rule]);
                continue;
            }

            var failure = Probe(rule, probes, left, order, customerId);
            explained[i] = new RuleExplanation(rule, failure is null ? RuleOutcome.MatchedButNotFired : RuleOutcome.NotMatched, 0, [], failure, evaluation);
        }

        return new CustomerExplanation(customerId, at, explained);
    }

    // The rule's probes; null when they cannot be built (the reason is in _unexplainable): that rule is reported as
    // not explained, and the others are still explained, rather than one rule failing every Explain of the set.
    // Whatever building or compiling them throws counts (the engine's rejection, or an internal ArgumentException or
    // NotSupportedException of expression rewriting), short of running out of memory, as the library's other guards.
    private RuleProbes? ProbesOf(RuleDefinition rule)
    {
        var lazy = _probes.GetOrAdd(rule, r => new Lazy<RuleProbes>(() => _probesFor(r), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The Lazy caches the failure: the same rule is reported alike on every call.
            _unexplainable.TryAdd(rule, RuleProbes.WhyNot(rule, ex));
            return null;
        }
    }

    private ElementFailure? Probe(RuleDefinition rule, RuleProbes probes, object[] facts, Dictionary<object, int> order, string customerId)
    {
        try
        {
            // Matches are read while their session lives.
            using var session = probes.Compiled.CreateSession(_session);
            session.InsertAll(facts);
            return new ProbeReading(session.GetAgenda(), order, MaxListed).FirstFailure(probes.Root);
        }
        catch (Exception ex) when (ex is RuleConditionException or RuleMatchLimitException)
        {
            throw new EngagementEvaluationException(customerId, $"Explaining rule '{rule.Id}' failed for customer {customerId}: {ex.Message}", ex);
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
