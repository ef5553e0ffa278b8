using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Policies;
using Engagement.Rules.Serialization;
using Engagement.Rules.Telemetry;
using NodaTime;

namespace Engagement.Rules;

/// <summary>Creates <see cref="IEngagementEvaluator"/> instances.</summary>
public static class EngagementEvaluator
{
    /// <summary>
    /// The session settings an evaluator uses when given none: the engine's defaults, except the match guard
    /// (<see cref="SessionOptions.MaxPartialMatches"/>) at 100,000. An evaluation's session holds one customer (with
    /// the default rule pack, rules/, on the sample data, samples/data, at most 125 partial matches at once, 47 for the
    /// median customer; one with thousands of facts some thousands), so a rule that multiplies unrelated facts is
    /// stopped after about 10 MB instead of the engine's 400 MB, per evaluation in flight.
    /// </summary>
    public static SessionOptions DefaultSessionOptions { get; } = SessionOptions.Default with { MaxPartialMatches = 100_000 };

    /// <summary>
    /// The earliest instant an evaluator evaluates at (<see cref="IEngagementEvaluator.Evaluate(CustomerFacts, Instant)"/>,
    /// a forecast's first day, its clock's reading): 0001-01-01T00:00:00Z. Before it, a customer's local date or a
    /// policy's look-back window would leave the calendar; an evaluator refuses it (<see cref="ArgumentOutOfRangeException"/>).
    /// </summary>
    public static Instant EarliestInstant => EvaluationRange.Earliest;

    /// <summary>
    /// The latest instant an evaluator with these policy options evaluates at, and the last a forecast's days may
    /// reach: the contact-time search (<see cref="QuietHoursOptions.SearchHorizonDays"/>) plus two days before the end
    /// of the calendar (9999-12-31), at 00:00 UTC; 9999-10-30T00:00:00Z with the default 60 days. The same day is the
    /// latest a proposal may be due (a later one is <see cref="Decisions.SuppressionReason.InvalidProposal"/>). A host
    /// that takes an instant from a person (an "evaluate as of" field) checks it against
    /// <see cref="EarliestInstant"/> and this before evaluating; an evaluator refuses a later one
    /// (<see cref="ArgumentOutOfRangeException"/>).
    /// </summary>
    /// <param name="policy">The evaluator's policy settings; <see cref="PolicyOptions.Default"/> when null.</param>
    /// <returns>The latest evaluation instant.</returns>
    /// <exception cref="PolicyOptionsException">The options are invalid; every problem is listed.</exception>
    public static Instant LatestInstant(PolicyOptions? policy = null)
    {
        policy ??= PolicyOptions.Default;
        if (policy.GetErrors() is { Count: > 0 } errors)
        {
            throw new PolicyOptionsException(errors);
        }

        return EvaluationRange.Latest(policy.QuietHours.SearchHorizonDays);
    }

    /// <summary>Creates an evaluator over a compiled rule set.</summary>
    /// <param name="rules">The compiled rules, shared by every evaluation.</param>
    /// <param name="clock">The clock that gives "now" when no instant is passed.</param>
    /// <param name="policy">The policy settings; <see cref="PolicyOptions.Default"/> when null.</param>
    /// <param name="telemetry">
    /// Where evaluations are logged and measured (shared by evaluators); none when null. The evaluator does not own
    /// it: the host disposes of it, after the last evaluation.
    /// </param>
    /// <param name="session">
    /// The settings of the rule session each evaluation runs (the loop and match guards, what a pooled session
    /// keeps); <see cref="DefaultSessionOptions"/> when null.
    /// </param>
    /// <returns>A thread-safe evaluator.</returns>
    /// <exception cref="PolicyOptionsException">
    /// The options are invalid, or <see cref="HoldoutOptions.RulePercents"/> names a rule id <paramref name="rules"/>
    /// does not have (with a "did you mean" when one is close); every problem is listed.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The session settings are invalid (<see cref="ArgumentException.ParamName"/> is <c>session</c>); every problem is listed.
    /// </exception>
    public static IEngagementEvaluator Create(
        CompiledRuleSet rules,
        IClock clock,
        PolicyOptions? policy = null,
        EngagementTelemetry? telemetry = null,
        SessionOptions? session = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        policy ??= PolicyOptions.Default;
        if (GetErrors(policy, rules) is { Count: > 0 } policyErrors)
        {
            throw new PolicyOptionsException(policyErrors);
        }

        session ??= DefaultSessionOptions;
        if (session.GetErrors() is { Count: > 0 } errors)
        {
            // SessionOptions.Validate() names no parameter; the host passed these as 'session'.
            throw new ArgumentOutOfRangeException(nameof(session), "Invalid SessionOptions: " + string.Join(" ", errors));
        }

        return new DefaultEngagementEvaluator(new SessionProposalSource(rules, session, telemetry), clock, policy, telemetry);
    }

    /// <summary>
    /// The options' own errors (<see cref="PolicyOptions.GetErrors"/>) followed by the options that name a rule the
    /// rule set does not have: a mistyped id in <see cref="HoldoutOptions.RulePercents"/> would otherwise never
    /// draw its control group, silently.
    /// </summary>
    private static List<string> GetErrors(PolicyOptions options, CompiledRuleSet rules)
    {
        var errors = new List<string>(options.GetErrors());
        if (options.Holdouts?.RulePercents is not { Count: > 0 } percents)
        {
            return errors;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            ids.Add(rule.Id);
        }

        foreach (var id in percents.Keys.Order(StringComparer.Ordinal))
        {
            if (!ids.Contains(id))
            {
                errors.Add($"Holdouts.RulePercents['{id}']: no rule with this id.{NameSuggestions.Hint(id, ids)}");
            }
        }

        return errors;
    }
}
