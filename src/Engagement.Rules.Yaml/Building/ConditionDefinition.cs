using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Building;

/// <summary>
/// A named, reusable condition: expression text, and optionally typed parameters. Without parameters its
/// names are those of the rule using it; with parameters they are bound by name (or renamed with <c>with</c>).
/// </summary>
internal sealed class ConditionDefinition
{
    public ConditionDefinition(string name, ScalarSyntax nameNode, ScalarSyntax expression, IReadOnlyList<Declaration>? parameters, RuleFileUnit file)
    {
        Name = name;
        NameNode = nameNode;
        Expression = expression;
        Parameters = parameters;
        File = file;
    }

    public string Name { get; }

    public ScalarSyntax NameNode { get; }

    public ScalarSyntax Expression { get; }

    /// <summary>The typed parameters, or null for the short form.</summary>
    public IReadOnlyList<Declaration>? Parameters { get; }

    public RuleFileUnit File { get; }

    /// <summary>False once its own check failed, so that its uses do not repeat the same errors.</summary>
    public bool IsValid { get; set; } = true;

    /// <summary>Whether a rule (enabled or not) names it; an unused condition is reported (ER1020).</summary>
    public bool IsUsed { get; set; }
}
