using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine;

/// <summary>
/// A rule set compiled into a Rete network: immutable and thread-safe, shared by every session created from it.
/// </summary>
public sealed class CompiledRuleSet
{
    internal CompiledRuleSet(IReadOnlyList<RuleDefinition> rules)
    {
        Rules = rules;
    }

    /// <summary>The rules, in the order given to the compiler.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Creates a session: an empty working memory and agenda over this network.</summary>
    /// <param name="options">Session settings; <see cref="SessionOptions.Default"/> when null.</param>
    /// <returns>The session.</returns>
    public ISession CreateSession(SessionOptions? options = null) => throw new NotImplementedException("Engine under construction.");
}
