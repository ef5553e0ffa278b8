using System;
using System.Collections.Generic;
using System.Threading;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>Firing: the agenda popped in order, actions run with the loop guard; errors that carry their rule.</summary>
internal sealed partial class Session
{
    public void Halt() => _halted = true;

    public int Fire(int maxFirings, CancellationToken cancellationToken)
    {
        if (_firing)
        {
            throw new InvalidOperationException("Fire cannot be called from a rule action.");
        }

        EnsureRoot();
        _firing = true;
        _halted = false;
        var fired = 0;
        var limit = _options.MaxFiringsPerFire;
        int[]? window = null;
        try
        {
            while (fired < maxFirings && !_halted)
            {
                Settle();
                if (_agenda.Count == 0 || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (fired >= limit)
                {
                    throw LoopDetected(limit, window!);
                }

                var activation = _agenda.Pop();
                activation.Fired = true;

                // Remember only the last firings before the limit: they name the looping rules.
                if (fired >= limit - LoopWindow)
                {
                    window ??= new int[Math.Min(limit, LoopWindow)];
                    window[fired % window.Length] = activation.Terminal.Id;
                }

                FireActivation(activation);
                fired++;
            }
        }
        finally
        {
            _firing = false;
        }

        return fired;
    }

    private void FireActivation(Activation activation)
    {
        var context = _context ??= new ActionContext(this);
        var previousLinked = activation.Linked;
        activation.Linked = null;
        context.Begin(activation, previousLinked);
        try
        {
            _events?.OnRuleFiring(Handle, activation);
            var actions = activation.Terminal.Actions;
            for (var i = 0; i < actions.Length; i++)
            {
                try
                {
                    actions[i](context, activation.Leaf);
                }
                // An exception from a change the action made (a handler, the match guard) is wrapped here: note
                // first whether it left that change half-propagated.
                catch (Exception ex) when (NoteFault(ex) && ex is not RuleConditionException)
                {
                    // A value the action named (IActionContext.ValueFailed) is reported with its name and text.
                    var value = ex as ActionValueException;
                    var error = new RuleActionException(activation.Rule.Id, SourceOf(activation.Rule), activation.Facts, value?.Error ?? ex, value?.Name, value?.Text);
                    _events?.OnActionFailed(Handle, activation, error);
                    throw error;
                }

                // The action caught what its own change threw half-way (its operation noted the fault): firing
                // on would act on memories that disagree with the facts.
                if (Fault is { } fault)
                {
                    throw Faulted(fault, activation.Rule.Id);
                }
            }

            // Facts linked by the previous firing and not produced again lose this match's support.
            if (context.PreviousLinked is { Count: > 0 } stale)
            {
                Unsupport(stale);
            }

            _events?.OnRuleFired(Handle, activation);
        }
        finally
        {
            context.End();
        }
    }

    private RuleLoopException LoopDetected(int limit, int[] window)
    {
        var counts = new Dictionary<int, int>();
        foreach (var terminalId in window)
        {
            if (terminalId > 0)
            {
                counts[terminalId] = counts.GetValueOrDefault(terminalId) + 1;
            }
        }

        var ranked = new List<KeyValuePair<int, int>>(counts);
        ranked.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var ids = new List<string>();
        foreach (var pair in ranked)
        {
            var id = ((TerminalNode)Network.Nodes[pair.Key]).Rule.Id;
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return new RuleLoopException(limit, ids);
    }

    // ---- Errors ------------------------------------------------------------------------------------

    /// <summary>The error for a condition that threw; <paramref name="condition"/> is its text as written, when known.</summary>
    public RuleConditionException ConditionFailed(string ruleId, Token? token, object? fact, Exception inner, string? condition = null) =>
        ExpressionFailed(ruleId, token, fact, inner, ExpressionRole.Condition, condition, null);

    /// <summary>
    /// The error for an expression of a rule that threw: a condition, or the value, key or result of the declaration
    /// <paramref name="name"/>; <paramref name="text"/> is the expression as written, when known.
    /// </summary>
    public RuleConditionException ExpressionFailed(string ruleId, Token? token, object? fact, Exception inner, ExpressionRole role, string? text, string? name)
    {
        var facts = new List<object>();
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t.Fact is not null)
            {
                facts.Insert(0, t.Value!);
            }
        }

        if (fact is not null)
        {
            facts.Add(fact);
        }

        var error = new RuleConditionException(ruleId, SourceOf(ruleId), facts, inner, role, text, name);
        _events?.OnConditionFailed(Handle, error);
        return error;
    }

    // Error paths only: a scan of the terminals is cheaper than keeping a map for every session.
    private string? SourceOf(string ruleId)
    {
        foreach (var terminal in Network.Terminals)
        {
            if (terminal.Rule.Id == ruleId)
            {
                return SourceOf(terminal.Rule);
            }
        }

        return null;
    }

    private static string? SourceOf(Model.RuleDefinition rule) =>
        rule.Properties.TryGetValue(Model.RuleDefinition.SourceProperty, out var source) ? source as string : null;
}
