using System;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Policies;
using Engagement.Rules.Telemetry;
using NodaTime;

namespace Engagement.Rules;

/// <summary>Creates <see cref="IEngagementEvaluator"/> instances.</summary>
public static class EngagementEvaluator
{
    /// <summary>Creates an evaluator over a compiled rule set.</summary>
    /// <param name="rules">The compiled rules, shared by every evaluation.</param>
    /// <param name="clock">The clock that gives "now" when no instant is passed.</param>
    /// <param name="options">The policy settings; <see cref="PolicyOptions.Default"/> when null.</param>
    /// <param name="telemetry">Where evaluations are logged and measured (shared by evaluators); none when null.</param>
    /// <param name="sessions">
    /// The settings of the rule session each evaluation runs (the loop guard, what a pooled session keeps);
    /// <see cref="SessionOptions.Default"/> when null.
    /// </param>
    /// <returns>A thread-safe evaluator.</returns>
    /// <exception cref="PolicyOptionsException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The session settings are invalid; every problem is listed.</exception>
    public static IEngagementEvaluator Create(
        CompiledRuleSet rules,
        IClock clock,
        PolicyOptions? options = null,
        EngagementTelemetry? telemetry = null,
        SessionOptions? sessions = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= PolicyOptions.Default;
        options.Validate();
        sessions ??= SessionOptions.Default;
        sessions.Validate();
        return new DefaultEngagementEvaluator(new SessionProposalSource(rules, sessions, telemetry), clock, options, telemetry);
    }
}
