using System;
using System.Collections.Generic;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>A new rule set is in service.</summary>
public sealed class RuleSetReloadedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="ruleSet">The new rule set.</param>
    /// <param name="warnings">The warnings of the load.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RuleSetReloadedEventArgs(CompiledRuleSet ruleSet, IReadOnlyList<RuleDiagnostic> warnings)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(warnings);
        RuleSet = ruleSet;
        Warnings = [.. warnings]; // a copy: every handler sees the same warnings
    }

    /// <summary>The new rule set, now <see cref="IRuleSetProvider.Current"/>.</summary>
    public CompiledRuleSet RuleSet { get; }

    /// <summary>The warnings of the load (no errors: the set loaded cleanly).</summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; }
}
