using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.DependencyInjection;

/// <summary>The outcome of loading every rule source: the compiled set (null on any error), errors and warnings.</summary>
internal sealed record RuleSetLoad(CompiledRuleSet? Rules, IReadOnlyList<RuleDiagnostic> Errors, IReadOnlyList<RuleDiagnostic> Warnings)
{
    public IReadOnlyList<string> FormattedErrors => Errors.Select(e => e.Format()).ToArray();
}
