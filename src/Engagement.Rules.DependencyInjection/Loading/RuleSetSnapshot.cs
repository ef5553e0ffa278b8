namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The generation serving and the status of the last reload; immutable, swapped whole, so a reader never sees a
/// generation with the status of another reload.
/// </summary>
internal sealed record RuleSetSnapshot(int Generation, RuleSetReloadStatus? LastReload = null);
