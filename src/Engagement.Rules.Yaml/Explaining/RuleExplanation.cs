using System.Collections.Generic;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>Why one rule fired, or did not, for one customer; immutable.</summary>
public sealed class RuleExplanation
{
    internal RuleExplanation(
        RuleDefinition rule,
        RuleOutcome outcome,
        int firingCount,
        IReadOnlyList<RuleMatch> firings,
        ElementFailure? failure,
        EngagementResult? evaluation,
        string? notExplainedReason = null)
    {
        Rule = rule;
        Location = RuleSetCompiler.TryGetLocation(rule);
        Outcome = outcome;
        FiringCount = firingCount;
        Firings = firings;
        Failure = failure;
        NotExplainedReason = notExplainedReason;
        if (evaluation is not null)
        {
            var decisions = new List<TouchDecision>();
            foreach (var decision in evaluation.Decisions)
            {
                if (decision.RuleId == rule.Id)
                {
                    decisions.Add(decision);
                }
            }

            var stopped = new List<SuppressedTouch>();
            foreach (var touch in evaluation.Suppressed)
            {
                if (touch.Proposal.RuleId == rule.Id)
                {
                    stopped.Add(touch);
                }
            }

            foreach (var touch in evaluation.HeldOut)
            {
                if (touch.Proposal.RuleId == rule.Id)
                {
                    stopped.Add(touch);
                }
            }

            Decisions = decisions;
            Suppressed = stopped;
        }
    }

    /// <summary>The rule.</summary>
    public RuleDefinition Rule { get; }

    /// <summary>The rule's id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>Where the rule starts in its file; null for a rule the YAML loader did not build.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Whether the rule fired, and if not, whether it matched.</summary>
    public RuleOutcome Outcome { get; }

    /// <summary>How many times the rule fired (<see cref="Firings"/> lists at most <see cref="RuleExplainer.MaxListed"/>).</summary>
    public int FiringCount { get; }

    /// <summary>The facts of the rule's firings, in firing order (the first <see cref="RuleExplainer.MaxListed"/>).</summary>
    public IReadOnlyList<RuleMatch> Firings { get; }

    /// <summary>For <see cref="RuleOutcome.NotMatched"/>: the first element of the left-hand side that found no match; otherwise null.</summary>
    public ElementFailure? Failure { get; }

    /// <summary>For <see cref="RuleOutcome.NotExplained"/>: why the rule could not be explained (naming the rule); otherwise null.</summary>
    public string? NotExplainedReason { get; }

    /// <summary>
    /// When the explanation was given the customer's <see cref="EngagementResult"/>: the touches the policies decided from
    /// this rule's proposals (empty when none); null when it was not.
    /// </summary>
    public IReadOnlyList<TouchDecision>? Decisions { get; }

    /// <summary>
    /// When the explanation was given the customer's <see cref="EngagementResult"/>: this rule's proposals the policies
    /// stopped (suppressed, then held out), each with its reason code (<c>NoConsent</c>, <c>LostArbitration</c>, ...) and
    /// the policy step that decided it; null when it was not.
    /// </summary>
    public IReadOnlyList<SuppressedTouch>? Suppressed { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId}: {Outcome}";
}
