using System.Collections.Generic;
using Engagement.Rules.Engine;

namespace Engagement.Rules.DependencyInjection;

/// <summary>The outcome of loading every rule source: the compiled set (null on any error), errors and warnings, formatted.</summary>
internal sealed record RuleSetLoad(CompiledRuleSet? Rules, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
