using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine;

/// <summary>Compiles rule definitions into a shared Rete network.</summary>
public static class RuleCompiler
{
    /// <summary>Compiles rules into a network.</summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <returns>The compiled rule set.</returns>
    public static CompiledRuleSet Compile(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new CompiledRuleSet(rules.ToArray());
    }
}
