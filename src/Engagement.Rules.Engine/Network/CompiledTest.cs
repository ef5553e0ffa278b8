using System;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>A compiled condition over a left token and a fact (or value).</summary>
internal sealed class CompiledTest
{
    public CompiledTest(Func<Token, object?, bool> evaluate, string description, string ruleId, string? condition = null)
    {
        Evaluate = evaluate;
        Description = description;
        RuleId = ruleId;
        Condition = condition;
    }

    public Func<Token, object?, bool> Evaluate { get; }

    public string Description { get; }

    public string RuleId { get; }

    /// <summary>The condition as its rule's author wrote it, when known.</summary>
    public string? Condition { get; }

    /// <summary>
    /// True when every test holds for <paramref name="parent"/> and <paramref name="value"/>, in order. A test that
    /// throws is reported with its rule, the token's facts and <paramref name="fact"/> (the joined fact, or null when
    /// the value is not a fact).
    /// </summary>
    public static bool AllHold(CompiledTest[] tests, Session session, Token parent, object? value, object? fact)
    {
        var i = 0;
        try
        {
            for (; i < tests.Length; i++)
            {
                if (!tests[i].Evaluate(parent, value))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not RuleConditionException)
        {
            throw session.ConditionFailed(tests[i].RuleId, parent, fact, ex, tests[i].Condition);
        }
    }
}
