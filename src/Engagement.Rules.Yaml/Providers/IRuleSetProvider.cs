using System;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>
/// Serves the current compiled rule set, which may be replaced while the host runs. A replacement is always a
/// complete, cleanly loaded set; a broken change never replaces a working set.
/// </summary>
public interface IRuleSetProvider
{
    /// <summary>The rule set to create sessions from; read it once per evaluation.</summary>
    CompiledRuleSet Current { get; }

    /// <summary>Raised after a new rule set replaced <see cref="Current"/>.</summary>
    event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    /// <summary>Raised when changed rule files do not load; <see cref="Current"/> is kept.</summary>
    event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;
}
