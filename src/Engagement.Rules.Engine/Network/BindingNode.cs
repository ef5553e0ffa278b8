using System;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>Computes a <c>let</c> value from the left token and adds it as a new level.</summary>
internal sealed class BindingNode : BetaNode
{
    public BindingNode(int id, BetaNode parent, int level, Func<Token, object?, object?> value, string description, string name, string? text)
        : base(id, parent, level)
    {
        Value = value;
        Description = description;
        Name = name;
        Text = text;
    }

    public Func<Token, object?, object?> Value { get; }

    public string Description { get; }

    /// <summary>The declaration receiving the value (the first rule's, when rules share the node), for errors.</summary>
    public string Name { get; }

    /// <summary>The value as its rule's author wrote it, when known; read only when it throws.</summary>
    public string? Text { get; }

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
            throw session.ExpressionFailed(RuleId, parent, null, ex, ExpressionRole.Value, Text, Name);
        }

        EmitValue(session, session.NewToken(parent, value, Id));
    }
}
