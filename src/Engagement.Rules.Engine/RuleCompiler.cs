using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Compilation;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine;

/// <summary>Compiles rule definitions into a shared Rete network.</summary>
public static class RuleCompiler
{
    /// <summary>Compiles rules into a network.</summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="RuleCompilationException">A rule is invalid; every problem found is listed.</exception>
    public static CompiledRuleSet Compile(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<RuleDefinition>();
        foreach (var rule in rules)
        {
            list.Add(rule ?? throw new ArgumentException("The rules contain null.", nameof(rules)));
        }

        var errors = new List<RuleCompilationError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var builder = new NetworkBuilder();
        for (var order = 0; order < list.Count; order++)
        {
            var rule = list[order];
            var messages = new List<string>();
            if (!ids.Add(rule.Id))
            {
                messages.Add("the rule id is used by another rule.");
            }

            RuleValidator.CheckNames(rule, messages);
            var alternatives = Normalizer.Normalize(rule.LeftHandSide, messages);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var checks = new List<string>();
            foreach (var alternative in alternatives)
            {
                RuleValidator.CheckAlternative(rule, alternative, checks);
            }

            foreach (var message in messages)
            {
                if (seen.Add(message))
                {
                    errors.Add(new RuleCompilationError(rule.Id, message));
                }
            }

            foreach (var message in checks)
            {
                if (seen.Add(message))
                {
                    errors.Add(new RuleCompilationError(rule.Id, message));
                }
            }

            if (messages.Count > 0 || checks.Count > 0)
            {
                continue;
            }

            try
            {
                builder.AddRule(rule, order, alternatives);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
            {
                errors.Add(new RuleCompilationError(rule.Id, $"cannot be compiled: {ex.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new RuleCompilationException(errors);
        }

        return new CompiledRuleSet(list.AsReadOnly(), builder.Build());
    }
}
