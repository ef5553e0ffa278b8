using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// The end of one rule alternative: every token reaching it becomes an activation. A join right above it makes
/// its matches as activations itself (<see cref="JoinNode.Terminal"/>), so no token of that join reaches it.
/// </summary>
internal sealed class TerminalNode : BetaNode
{
    public TerminalNode(
        int id,
        BetaNode parent,
        RuleDefinition rule,
        int ruleOrder,
        int alternative,
        IReadOnlyDictionary<Declaration, int> levels,
        Action<IActionContext, Token>[] actions)
        : base(id, parent, parent.Level)
    {
        Rule = rule;
        RuleOrder = ruleOrder;
        Alternative = alternative;
        Levels = levels;
        Actions = actions;
        Priority = rule.Priority;
    }

    public RuleDefinition Rule { get; }

    public int RuleOrder { get; }

    public int Priority { get; }

    public int Alternative { get; }

    /// <summary>The level of each declaration visible to the actions.</summary>
    public IReadOnlyDictionary<Declaration, int> Levels { get; }

    public Action<IActionContext, Token>[] Actions { get; }

    public override string Describe() => $"terminal rule '{Rule.Id}'" + (Alternative > 0 ? $" (alternative {Alternative + 1})" : string.Empty) + $" priority {Priority}";

    public override void LeftActivate(Session session, Token parent) => session.CreateActivation(this, parent);
}
