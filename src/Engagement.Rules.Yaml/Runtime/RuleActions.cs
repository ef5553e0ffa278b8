using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Engagement.Rules.Chaining;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using NodaTime;

namespace Engagement.Rules.Yaml.Runtime;

/// <summary>
/// What the actions of a loaded rule do when it fires. The compiled action lambdas call these fixed
/// methods only: a rule file cannot name any other code.
/// </summary>
internal static class RuleActions
{
    // Shared by every proposal without values or evidence: read-only, so one instance serves all.
    private static readonly ReadOnlyDictionary<string, string> None = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public static void ProposeTouch(
        IActionContext context,
        TouchTemplate template,
        string? customerId,
        string? vin,
        LocalDate due,
        LocalDate? expires,
        string[] values,
        string reason)
    {
        IReadOnlyDictionary<string, string> evidence = None;
        if (template.Evidence.Count > 0)
        {
            var found = new TextMap(template.Evidence.Count);
            for (var i = 0; i < template.Evidence.Count; i++)
            {
                var declaration = template.Evidence[i];
                found.Set(declaration.Name, ValueText.Format(context.GetValue(declaration)));
            }

            evidence = found;
        }

        context.InsertLinked(new TouchProposal
        {
            RuleId = template.RuleId,
            Kind = template.Kind,
            Class = template.Class,
            Topic = template.Topic,
            CustomerId = Require(customerId, template.RuleId),
            Vin = string.IsNullOrEmpty(vin) ? null : vin,
            Channel = template.Channel,
            DueOn = due,
            PreferredTime = template.PreferredTime,
            ExpiresOn = expires,
            Priority = template.Priority,
            Personalisation = Values(template.ValueNames, values),
            Reason = reason,
            MatchedFacts = MatchedFacts(context.Facts),
            Evidence = evidence,
        });
    }

    public static void EmitSignal(IActionContext context, SignalTemplate template, string? customerId, string? vin, string[] values)
    {
        var signal = new Signal(template.Name, Require(customerId, template.RuleId), string.IsNullOrEmpty(vin) ? null : vin, Values(template.ValueNames, values));

        // Equal signals are one fact, raised by however many matches: a linked one is supported by each (and goes
        // with the last), a plain one already there is left as it is (made to stay if it was only linked).
        if (template.Linked)
        {
            context.InsertLinked(signal);
        }
        else
        {
            context.TryInsert(signal);
        }
    }

    private static string Require(string? customerId, string ruleId) =>
        string.IsNullOrWhiteSpace(customerId)
            ? throw new InvalidOperationException($"Rule '{ruleId}' fired for a customer without a customer id.")
            : customerId;

    /// <summary>The facts of the match, without the evaluation context every rule sees.</summary>
    private static object[] MatchedFacts(IReadOnlyList<object> facts)
    {
        var count = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is not EvaluationContext)
            {
                count++;
            }
        }

        var result = new object[count];
        count = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is not EvaluationContext)
            {
                result[count++] = facts[i];
            }
        }

        return result;
    }

    private static IReadOnlyDictionary<string, string> Values(IReadOnlyList<string> names, string[] values)
    {
        if (names.Count == 0)
        {
            return None;
        }

        var result = new TextMap(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            result.Set(names[i], values[i]);
        }

        return result;
    }
}
