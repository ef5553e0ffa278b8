using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies;

/// <summary>One pass of the policies over a customer's proposals: the candidates still alive and those stopped.</summary>
internal sealed class PolicyRun(PolicyInput input, IReadOnlyList<Candidate> candidates)
{
    private readonly List<Candidate> _active = [.. candidates];

    public PolicyInput Input { get; } = input;

    public IReadOnlyList<Candidate> Active => _active;

    public List<(Candidate Candidate, SuppressionReason Reason)> Stopped { get; } = [];

    public List<EngagementDiagnostic> Diagnostics { get; } = [];

    /// <summary>Whether e-mail is sunset for non-safety touches, and why.</summary>
    public string? EmailSunset { get; set; }

    public void Stop(Candidate candidate, SuppressionReason reason, string policy, string description)
    {
        candidate.Step(policy, description);
        _active.Remove(candidate);
        Stopped.Add((candidate, reason));
    }

    public void StopWhere(System.Func<Candidate, bool> predicate, SuppressionReason reason, string policy, System.Func<Candidate, string> description)
    {
        foreach (var candidate in _active.Where(predicate).ToList())
        {
            Stop(candidate, reason, policy, description(candidate));
        }
    }
}
