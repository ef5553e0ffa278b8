namespace Engagement.Rules.DependencyInjection;

/// <summary>A rule file held in memory.</summary>
internal sealed record RuleText(string Name, string Text);
