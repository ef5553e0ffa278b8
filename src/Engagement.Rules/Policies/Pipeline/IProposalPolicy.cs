namespace Engagement.Rules.Policies.Pipeline;

/// <summary>One policy of the pipeline: it stops candidates or refines them, and explains each change.</summary>
internal interface IProposalPolicy
{
    /// <summary>The policy's name in explanations, e.g. <c>quiet-hours</c>.</summary>
    string Name { get; }

    void Apply(PolicyRun run);
}
