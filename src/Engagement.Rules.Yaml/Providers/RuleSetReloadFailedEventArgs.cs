using System;
using System.Collections.Generic;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>Changed rule files did not load; the previous rule set stays in service.</summary>
public sealed class RuleSetReloadFailedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="diagnostics">Every problem found.</param>
    /// <param name="kept">The rule set still in service.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RuleSetReloadFailedEventArgs(IReadOnlyList<RuleDiagnostic> diagnostics, CompiledRuleSet kept)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(kept);
        Diagnostics = [.. diagnostics]; // a copy: every handler sees the same diagnostics
        Kept = kept;
    }

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    /// <summary>The rule set still in service.</summary>
    public CompiledRuleSet Kept { get; }
}
