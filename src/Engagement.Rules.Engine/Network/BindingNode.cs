using System;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>Computes a <c>let</c> value from the left token and adds it as a new level.</summary>
internal sealed class BindingNode : BetaNode
{
    public BindingNode(int id, BetaNode parent, int level, Func<Token, object?, object?> value, string description)
        : base(id, parent, level)
    {
        Value = value;
        Description = description;
    }

    public Func<Token, object?, object?> Value { get; }

    public string Description { get; }

    public override string Describe() => $"let {Description}";

    public override void LeftActivate(Session session, Token parent)
    {
        object? value;
        try
        {
            value = Value(parent, null);
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(RuleId, parent, null, ex);
        }

        EmitValue(session, session.NewToken(parent, value, Id));
    }
}
