using System.Collections.Generic;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>One pass of the policies over a customer's proposals: the candidates still alive and those stopped.</summary>
/// <remarks>
/// Policies walk <see cref="Active"/> by index and stop candidates as they go: <see cref="Stop"/> removes the
/// candidate from <see cref="Active"/>, so a loop that stops the candidate at index i must look at index i again.
/// </remarks>
internal sealed class PolicyRun(PolicyInput input, List<Candidate> candidates)
{
    private readonly List<Candidate> _active = candidates;

    public PolicyInput Input { get; } = input;

    /// <summary>The candidates still alive; changed only through <see cref="Stop"/> and <see cref="SortActive"/>.</summary>
    /// <remarks>The list itself rather than IReadOnlyList: every policy walks it by index, and through the interface each read is a call.</remarks>
    public List<Candidate> Active => _active;

    public List<(Candidate Candidate, SuppressionReason Reason)> Stopped { get; } = new(candidates.Count);

    private List<EngagementDiagnostic>? _diagnostics;

    /// <summary>The diagnostics reported so far (created on first use: most evaluations report none).</summary>
    public List<EngagementDiagnostic> Diagnostics => _diagnostics ??= [];

    /// <summary>The diagnostics, or null when none was ever reported.</summary>
    public List<EngagementDiagnostic>? DiagnosticsIfAny => _diagnostics;

    /// <summary>Whether e-mail is sunset for non-safety touches, and why.</summary>
    public string? EmailSunset { get; set; }

    /// <summary>Reorders the active candidates (a comparison that ends in <see cref="Candidate.Order"/>, so the result is deterministic).</summary>
    public void SortActive(System.Comparison<Candidate> comparison) => _active.Sort(comparison);

    /// <summary>
    /// Removes a candidate that is not a touch of its own (the same touch proposed again): it is neither decided nor
    /// reported as suppressed.
    /// </summary>
    public void Drop(Candidate candidate) => _active.Remove(candidate);

    public void Stop(Candidate candidate, SuppressionReason reason, string policy, string description)
    {
        candidate.Step(policy, description);
        _active.Remove(candidate);
        Stopped.Add((candidate, reason));
    }
}
