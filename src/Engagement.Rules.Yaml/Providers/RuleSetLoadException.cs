using System;
using System.Collections.Generic;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Providers;

/// <summary>The rule files did not load when a provider started, so there is no rule set to serve.</summary>
public sealed class RuleSetLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">Every problem found.</param>
    public RuleSetLoadException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base("The rule files do not load:\n" + RuleDiagnostic.FormatAll(diagnostics ?? []))
    {
        Diagnostics = [.. diagnostics ?? []]; // a copy: the caller's list may change afterwards
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
